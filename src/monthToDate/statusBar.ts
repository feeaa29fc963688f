import * as vscode from 'vscode';
import { COMMANDS, INVOICES_VIEW_ID, STATUS_BAR_ITEM_ID } from '../constants';
import { BalanceState } from '../balance/balanceState';
import { InvoiceList, InvoiceSnapshot } from '../invoices/invoiceList';
import { BudgetSettings } from '../settings';
import { BudgetView, budgetOf } from '../budget/budgetModel';
import { DisposableOwner } from '../util/disposable';
import { l10n } from '../util/l10n';
import { formatAmount, formatCents } from '../util/money';
import { formatDateTime, formatPeriod } from '../util/period';

export interface StatusBarContext {
  readonly budget: () => BudgetSettings;
  /** The active account's name when there are several. */
  readonly accountName: () => string | undefined;
  readonly now?: () => number;
}

/** Month-to-date spend (the invoice preview's amount) in the status bar, with the budget. */
export class MonthToDateStatusBar extends DisposableOwner {
  readonly item: vscode.StatusBarItem;

  constructor(
    private readonly invoices: InvoiceList,
    private readonly balance: BalanceState,
    private readonly locale: string,
    private readonly context: StatusBarContext,
  ) {
    super();
    this.item = this.register(vscode.window.createStatusBarItem(STATUS_BAR_ITEM_ID, vscode.StatusBarAlignment.Right, 100));
    this.item.name = l10n.t('DigitalOcean Month-to-Date Spend');
    this.item.command = { command: `${INVOICES_VIEW_ID}.focus`, title: l10n.t('Show DigitalOcean Invoices') };
    this.register(invoices.onDidChange(() => this.render()));
    this.register(balance.onDidChange(() => this.render()));
    this.render();
    this.item.show();
  }

  render(): void {
    const snapshot = this.invoices.snapshot;
    const preview = snapshot.preview;
    const busy = snapshot.activity === 'refreshing';
    if (!snapshot.hasToken || !preview) {
      this.item.text = busy ? '$(sync~spin)' : '$(credit-card)';
      this.item.tooltip = snapshot.hasToken
        ? snapshot.error?.message ?? l10n.t('DigitalOcean month-to-date spend: loading…')
        : l10n.t('DigitalOcean Invoices: no API token set. Click to open the view and set one.');
      this.item.accessibilityInformation = { label: l10n.t('DigitalOcean month-to-date spend unknown') };
      this.item.backgroundColor = undefined;
      return;
    }
    const amount = formatAmount(preview.amount, this.locale);
    const budget = budgetOf(preview, this.context.budget(), (this.context.now ?? Date.now)());
    this.item.text = `${busy ? '$(sync~spin)' : '$(credit-card)'} ${amount}`;
    this.item.accessibilityInformation = { label: l10n.t('DigitalOcean month-to-date spend {0}', amount) };
    this.item.backgroundColor = budget?.status.warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.tooltip = this.tooltip(snapshot, amount, budget);
  }

  private tooltip(snapshot: InvoiceSnapshot, amount: string, budget: BudgetView | undefined): vscode.MarkdownString {
    const preview = snapshot.preview!;
    const tooltip = new vscode.MarkdownString(undefined, true);
    const line = (text: string) => tooltip.appendText(text).appendMarkdown('  \n');
    const account = this.context.accountName();
    tooltip.appendMarkdown(`**${l10n.t('DigitalOcean month-to-date spend')}**`);
    if (account) {
      tooltip.appendMarkdown(' — ').appendText(account);
    }
    tooltip.appendMarkdown('\n\n');
    line(`${formatPeriod(preview.period, this.locale)}: ${amount}`);
    if (budget) {
      line(l10n.t('Projected month-end total: {0}', formatCents(budget.projection.projectedCents, this.locale)));
      if (budget.status.level !== 'none') {
        line(l10n.t('Budget: {0} ({1}% used)', formatCents(budget.status.budgetCents, this.locale), budget.status.percentUsed));
      }
      if (budget.status.level === 'over') {
        tooltip.appendMarkdown('$(warning) ');
        line(l10n.t('Month-to-date spend is over the budget.'));
      } else if (budget.status.level === 'projectedOver') {
        tooltip.appendMarkdown('$(warning) ');
        line(l10n.t('The projected month-end total is over the budget.'));
      }
    }
    const updated = formatDateTime(preview.updatedAt, this.locale);
    if (updated) {
      line(l10n.t('Last updated by DigitalOcean: {0}', updated));
    }
    const balance = this.balance.snapshot.balance;
    if (balance) {
      const generated = formatDateTime(balance.generatedAt || undefined, this.locale);
      line(l10n.t('Month-to-date balance {0} · account balance {1}', formatAmount(balance.monthToDateBalance, this.locale), formatAmount(balance.accountBalance, this.locale))
        + (generated ? ` (${l10n.t('generated {0}', generated)})` : ''));
    }
    const fetched = formatDateTime(snapshot.fetchedAt, this.locale);
    if (fetched) {
      line(snapshot.stale ? l10n.t('Fetched {0} (cached, not refreshed yet)', fetched) : l10n.t('Fetched {0}', fetched));
    }
    if (snapshot.error) {
      tooltip.appendMarkdown('\n$(warning) ').appendText(snapshot.error.message).appendMarkdown('\n');
    }
    tooltip.appendMarkdown(`\n[${l10n.t('Show Daily Spend')}](command:${COMMANDS.showDailySpend}) · [${l10n.t('Switch Account')}](command:${COMMANDS.switchAccount})`);
    tooltip.isTrusted = { enabledCommands: [COMMANDS.showDailySpend, COMMANDS.switchAccount] };
    return tooltip;
  }
}
