import * as vscode from 'vscode';
import { BudgetSettings } from '../settings';
import { InvoiceList } from '../invoices/invoiceList';
import { KeyValueStore } from '../storage/accountCache';
import { STATE_KEYS } from '../storage/keys';
import { DisposableOwner } from '../util/disposable';
import { l10n } from '../util/l10n';
import { formatCents } from '../util/money';
import { formatPeriod } from '../util/period';
import { budgetOf } from '../budget/budgetModel';

const NOTIFIED_KEY = STATE_KEYS.budgetNotified;
const MUTED_KEY = STATE_KEYS.budgetNotificationsMuted;

export interface BudgetNotifierDeps {
  readonly store: KeyValueStore;
  readonly invoices: InvoiceList;
  readonly now?: () => number;
  readonly budget: () => BudgetSettings;
  readonly accountId: () => string;
  readonly locale: string;
}

/**
 * Says once per account and month that spend passed the budget: after fresh data, and when
 * the budget is changed to less than what is spent already. "Don't Show Again" mutes it for good.
 */
export class BudgetNotifier extends DisposableOwner {
  constructor(private readonly deps: BudgetNotifierDeps) {
    super();
    this.register(deps.invoices.onDidChange(() => this.check()));
  }

  /** Compares the month in progress shown (once refreshed) with the budget; call it when the budget setting changes. */
  check(): void {
    const snapshot = this.deps.invoices.snapshot;
    const budget = budgetOf(snapshot.preview, this.deps.budget(), (this.deps.now ?? Date.now)());
    if (budget && snapshot.preview && !snapshot.stale && !snapshot.activity) {
      this.notifyIfOver(snapshot.preview.period, budget.projection.actualCents).catch(() => undefined);
    }
  }

  async notifyIfOver(period: string, spentCents: bigint): Promise<boolean> {
    const { store, locale } = this.deps;
    const budgetCents = this.deps.budget().cents;
    const account = this.deps.accountId();
    if (budgetCents <= 0n || spentCents <= budgetCents || store.get<boolean>(MUTED_KEY)) {
      return false;
    }
    const notified = store.get<Record<string, string>>(NOTIFIED_KEY) ?? {};
    if (notified[account] === period) {
      return false;
    }
    await store.update(NOTIFIED_KEY, { ...notified, [account]: period });
    const dontShowAgain = l10n.t('Don\'t Show Again');
    void vscode.window
      .showWarningMessage(
        l10n.t('DigitalOcean spend for {0} is {1}, over your budget of {2}.', formatPeriod(period, locale), formatCents(spentCents, locale), formatCents(budgetCents, locale)),
        dontShowAgain,
      )
      .then(async (choice) => {
        if (choice === dontShowAgain) {
          await store.update(MUTED_KEY, true);
        }
      }, () => undefined);
    return true;
  }
}
