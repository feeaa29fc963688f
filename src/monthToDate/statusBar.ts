import * as vscode from 'vscode';
import { COMMANDS, INVOICES_VIEW_ID, STATUS_BAR_ITEM_ID } from '../constants';
import { BalanceState } from '../balance/balanceState';
import { balanceFigures, unbreakable, wrappingText } from '../balance/balanceTerms';
import { InvoiceList, InvoiceSnapshot } from '../invoices/invoiceList';
import { BudgetSettings } from '../settings';
import { BudgetView, budgetOf } from '../budget/budgetModel';
import { formatPermille } from '../insights/alertText';
import { InsightsState } from '../insights/insightsState';
import { SpendOutlook, spendOutlook } from '../insights/spendOutlook';
import { DisposableOwner } from '../util/disposable';
import { l10n } from '../util/l10n';
import { formatAmount, formatCents } from '../util/money';
import { formatDate, formatDateTime, formatPeriod } from '../util/period';

export interface StatusBarContext {
  readonly budget: () => BudgetSettings;
  /** The active account's name when there are several. */
  readonly accountName: () => string | undefined;
  readonly now?: () => number;
}

/** Month-to-date usage (the invoice preview's amount) in the status bar, with the budget and the balance. */
export class MonthToDateStatusBar extends DisposableOwner {
  readonly item: vscode.StatusBarItem;

  constructor(
    private readonly invoices: InvoiceList,
    private readonly balance: BalanceState,
    private readonly insights: InsightsState,
    private readonly locale: string,
    private readonly context: StatusBarContext,
  ) {
    super();
    this.item = this.register(vscode.window.createStatusBarItem(STATUS_BAR_ITEM_ID, vscode.StatusBarAlignment.Right, 100));
    this.item.name = l10n.t('DigitalOcean Month-to-Date Spend');
    this.item.command = { command: `${INVOICES_VIEW_ID}.focus`, title: l10n.t('Show DigitalOcean Invoices') };
    this.register(invoices.onDidChange(() => this.render()));
    this.register(balance.onDidChange(() => this.render()));
    this.register(insights.onDidChange(() => this.render()));
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
        ? snapshot.error?.message ?? l10n.t('DigitalOcean month-to-date usage: loading…')
        : l10n.t('DigitalOcean Invoices: no API token set. Click to open the view and set one.');
      this.item.accessibilityInformation = { label: l10n.t('DigitalOcean month-to-date usage unknown') };
      this.item.backgroundColor = undefined;
      return;
    }
    const amount = formatAmount(preview.amount, this.locale);
    const now = (this.context.now ?? Date.now)();
    const outlook = spendOutlook(snapshot.items, preview, this.insights.snapshot.recent, now);
    // Once daily data gives a run rate, the budget is checked against it (it follows a change within a week).
    const budget = budgetOf(preview, this.context.budget(), now, outlook.runRate && { basis: 'runRate', cents: outlook.runRate.cents });
    this.item.text = `${busy ? '$(sync~spin)' : '$(credit-card)'} ${amount}`;
    this.item.accessibilityInformation = { label: l10n.t('DigitalOcean month-to-date usage {0}', amount) };
    this.item.backgroundColor = budget?.status.warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.tooltip = this.tooltip(snapshot, amount, budget, outlook);
  }

  private tooltip(snapshot: InvoiceSnapshot, amount: string, budget: BudgetView | undefined, outlook: SpendOutlook): vscode.MarkdownString {
    const preview = snapshot.preview!;
    const tooltip = new vscode.MarkdownString(undefined, true);
    // One figure a line, its name kept whole: a hover wraps long lines at their hyphens.
    const figure = (name: string, value: string) => tooltip.appendMarkdown(`**${wrappingText(unbreakable(name))}:** `).appendText(value).appendMarkdown('  \n');
    const warning = (text: string) => tooltip.appendMarkdown(`$(warning) ${wrappingText(text)}  \n`);
    const account = this.context.accountName();
    tooltip.appendMarkdown(`**${wrappingText(l10n.t('DigitalOcean month-to-date usage'))}**`);
    if (account) {
      tooltip.appendMarkdown(' — ').appendText(account);
    }
    tooltip.appendMarkdown('\n\n');
    figure(formatPeriod(preview.period, this.locale), amount);
    const money = (cents: bigint) => formatCents(cents, this.locale);
    if (outlook.yesterday) {
      figure(l10n.t('Yesterday ({0})', formatDate(outlook.yesterday.day, this.locale)), money(outlook.yesterday.cents));
    }
    if (outlook.average) {
      figure(l10n.t('7-day average'), l10n.t('{0} a day', money(outlook.average.cents)));
    }
    if (outlook.runRate) {
      figure(l10n.t('Month-end forecast at the run rate'), money(outlook.runRate.cents));
    }
    if (outlook.straightLine) {
      figure(l10n.t('Projected month-end total'), money(outlook.straightLine.projectedCents));
    }
    if (outlook.change && outlook.lastInvoice) {
      const percent = outlook.change.permille === undefined ? '' : ` (${formatPermille(outlook.change.permille, this.locale, true)})`;
      const sign = outlook.change.differenceCents > 0n ? '+' : '';
      figure(l10n.t('Forecast against {0}', formatPeriod(outlook.lastInvoice.period, this.locale)), `${sign}${money(outlook.change.differenceCents)}${percent}`);
    }
    if (outlook.yearToDate) {
      figure(l10n.t('Year to date {0}', String(outlook.yearToDate.year)), money(outlook.yearToDate.cents));
    }
    if (budget) {
      if (budget.status.level !== 'none') {
        figure(l10n.t('Budget'), l10n.t('{0} ({1}% used)', formatCents(budget.status.budgetCents, this.locale), budget.status.percentUsed));
      }
      if (budget.status.level === 'over') {
        warning(l10n.t('Month-to-date usage is over the budget.'));
      } else if (budget.status.level === 'projectedOver') {
        warning(budget.basis === 'runRate'
          ? l10n.t('The month-end forecast at the run rate (month-to-date plus the 7-day average for each day left) is over the budget.')
          : l10n.t('The projected month-end total is over the budget.'));
      }
    }
    const updated = formatDateTime(preview.updatedAt, this.locale);
    if (updated) {
      figure(l10n.t('Last updated by DigitalOcean'), updated);
    }
    const balance = this.balance.snapshot.balance;
    if (balance) {
      const { monthToDateBalance, accountBalance } = balanceFigures(balance, this.locale);
      figure(monthToDateBalance.name, monthToDateBalance.amount);
      figure(accountBalance.name, accountBalance.amount);
      const generated = formatDateTime(balance.generatedAt || undefined, this.locale);
      if (generated) {
        figure(l10n.t('Balance generated'), generated);
      }
    }
    const fetched = formatDateTime(snapshot.fetchedAt, this.locale);
    if (fetched) {
      figure(l10n.t('Fetched'), snapshot.stale ? l10n.t('{0} (cached, not refreshed yet)', fetched) : fetched);
    }
    if (snapshot.error) {
      tooltip.appendMarkdown('\n');
      warning(snapshot.error.message);
    }
    const insightsError = this.insights.snapshot.error;
    if (insightsError) {
      tooltip.appendMarkdown('\n');
      warning(l10n.t('Daily spend: {0}', insightsError.message));
    }
    tooltip.appendMarkdown(`\n[${l10n.t('Show Daily Spend')}](command:${COMMANDS.showDailySpend}) · [${l10n.t('Switch Account')}](command:${COMMANDS.switchAccount})`);
    tooltip.isTrusted = { enabledCommands: [COMMANDS.showDailySpend, COMMANDS.switchAccount] };
    return tooltip;
  }
}
