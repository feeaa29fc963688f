import * as vscode from 'vscode';
import { INVOICES_VIEW_ID, STATUS_BAR_ITEM_ID } from '../commands/ids';
import { InvoiceSnapshot, InvoiceState } from '../state/invoiceState';
import { DisposableOwner } from '../util/disposable';
import { l10n } from '../util/l10n';
import { formatAmount } from '../util/money';
import { formatDateTime, formatPeriod } from '../util/period';

/** Month-to-date spend (the invoice preview's amount) in the status bar. */
export class MonthToDateStatusBar extends DisposableOwner {
  readonly item: vscode.StatusBarItem;

  constructor(
    state: InvoiceState,
    private readonly locale: string,
  ) {
    super();
    this.item = this.register(vscode.window.createStatusBarItem(STATUS_BAR_ITEM_ID, vscode.StatusBarAlignment.Right, 100));
    this.item.name = l10n.t('DigitalOcean Month-to-Date Spend');
    this.item.command = { command: `${INVOICES_VIEW_ID}.focus`, title: l10n.t('Show DigitalOcean Invoices') };
    this.register(state.onDidChange((snapshot) => this.render(snapshot)));
    this.render(state.snapshot);
    this.item.show();
  }

  private render(snapshot: InvoiceSnapshot): void {
    const preview = snapshot.preview;
    const busy = snapshot.activity === 'refreshing';
    if (!snapshot.hasToken || !preview) {
      this.item.text = busy ? '$(sync~spin)' : '$(credit-card)';
      this.item.tooltip = snapshot.hasToken
        ? snapshot.error?.message ?? l10n.t('DigitalOcean month-to-date spend: loading…')
        : l10n.t('DigitalOcean Invoices: no API token set. Click to open the view and set one.');
      this.item.accessibilityInformation = { label: l10n.t('DigitalOcean month-to-date spend unknown') };
      return;
    }
    const amount = formatAmount(preview.amount, this.locale);
    this.item.text = `${busy ? '$(sync~spin)' : '$(credit-card)'} ${amount}`;
    this.item.accessibilityInformation = { label: l10n.t('DigitalOcean month-to-date spend {0}', amount) };
    this.item.tooltip = this.tooltip(snapshot, amount);
  }

  private tooltip(snapshot: InvoiceSnapshot, amount: string): vscode.MarkdownString {
    const preview = snapshot.preview!;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${l10n.t('DigitalOcean month-to-date spend')}**\n\n`);
    tooltip.appendText(`${formatPeriod(preview.period, this.locale)}: ${amount}`).appendMarkdown('  \n');
    const updated = formatDateTime(preview.updatedAt, this.locale);
    if (updated) {
      tooltip.appendText(l10n.t('Last updated by DigitalOcean: {0}', updated)).appendMarkdown('  \n');
    }
    const fetched = formatDateTime(snapshot.fetchedAt, this.locale);
    if (fetched) {
      tooltip.appendText(snapshot.stale ? l10n.t('Fetched {0} (cached, not refreshed yet)', fetched) : l10n.t('Fetched {0}', fetched)).appendMarkdown('  \n');
    }
    if (snapshot.error) {
      tooltip.appendMarkdown('\n$(warning) ').appendText(snapshot.error.message);
    }
    tooltip.supportThemeIcons = true;
    return tooltip;
  }
}
