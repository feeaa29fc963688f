import * as vscode from 'vscode';
import { KeyValueStore } from '../state/cache';
import { l10n } from '../util/l10n';
import { formatCents } from '../util/money';
import { formatPeriod } from '../util/period';

const NOTIFIED_KEY = 'digitaloceanInvoices.budgetNotified';
const MUTED_KEY = 'digitaloceanInvoices.budgetNotificationsMuted';

/** Says once per account and month that spend passed the budget; "Don't Show Again" mutes it. */
export class BudgetNotifier {
  constructor(private readonly store: KeyValueStore) {}

  async notifyIfOver(account: string, period: string, spentCents: bigint, budgetCents: bigint, locale: string): Promise<boolean> {
    if (budgetCents <= 0n || spentCents <= budgetCents || this.store.get<boolean>(MUTED_KEY)) {
      return false;
    }
    const notified = this.store.get<Record<string, string>>(NOTIFIED_KEY) ?? {};
    if (notified[account] === period) {
      return false;
    }
    await this.store.update(NOTIFIED_KEY, { ...notified, [account]: period });
    const dontShowAgain = l10n.t('Don\'t Show Again');
    void vscode.window
      .showWarningMessage(
        l10n.t('DigitalOcean spend for {0} is {1}, over your budget of {2}.', formatPeriod(period, locale), formatCents(spentCents, locale), formatCents(budgetCents, locale)),
        dontShowAgain,
      )
      .then(async (choice) => {
        if (choice === dontShowAgain) {
          await this.store.update(MUTED_KEY, true);
        }
      });
    return true;
  }
}
