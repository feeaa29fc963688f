import * as vscode from 'vscode';
import { Balance } from '../api/types';
import { detailsTooltip } from '../tree/listNodes';
import { l10n } from '../util/l10n';
import { formatDateTime } from '../util/period';
import { BalanceSnapshot } from './balanceState';
import { balanceFigures, unbreakable, wrappingText } from './balanceTerms';

/** The balance row of the invoices view. */
export interface BalanceNode {
  readonly kind: 'balance';
  readonly snapshot: BalanceSnapshot;
}

/** The month-to-date balance, amount first so that a narrow side bar still shows it; the tooltip has every figure. */
export function balanceTreeItem(node: BalanceNode, locale: string): vscode.TreeItem {
  const { balance, error, stale } = node.snapshot;
  if (!balance) {
    const item = new vscode.TreeItem(error ? l10n.t('Balance unavailable') : l10n.t('Balance: loading…'));
    item.id = 'balance';
    item.iconPath = new vscode.ThemeIcon(error ? 'warning' : 'loading~spin');
    item.tooltip = error?.message;
    item.contextValue = 'balance';
    return item;
  }
  const { monthToDateBalance } = balanceFigures(balance, locale);
  const item = new vscode.TreeItem(monthToDateBalance.amount);
  item.id = 'balance';
  item.description = monthToDateBalance.name;
  item.iconPath = new vscode.ThemeIcon('credit-card');
  item.contextValue = 'balance';
  item.tooltip = balanceTooltip(balance, stale, locale);
  item.accessibilityInformation = { label: `${monthToDateBalance.name}: ${monthToDateBalance.amount}` };
  return item;
}

export function balanceTooltip(balance: Balance, stale: boolean, locale: string): vscode.MarkdownString {
  const { monthToDateBalance, accountBalance, monthToDateUsage } = balanceFigures(balance, locale);
  const tooltip = detailsTooltip(`${l10n.t('Balance')}${stale ? ` (${l10n.t('cached')})` : ''}`, [
    [unbreakable(monthToDateBalance.name), monthToDateBalance.amount],
    [unbreakable(accountBalance.name), accountBalance.amount],
    [unbreakable(monthToDateUsage.name), monthToDateUsage.amount],
    [l10n.t('Generated'), formatDateTime(balance.generatedAt || undefined, locale)],
  ]);
  tooltip.appendMarkdown(`\n${wrappingText(l10n.t('The month-to-date balance is the account balance plus the month-to-date usage.'))}`);
  return tooltip;
}
