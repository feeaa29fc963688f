import * as vscode from 'vscode';
import { Balance } from '../api/types';
import { detailsTooltip } from '../tree/listNodes';
import { l10n } from '../util/l10n';
import { formatAmount } from '../util/money';
import { formatDateTime } from '../util/period';
import { BalanceSnapshot } from './balanceState';

/** The balance row of the invoices view. */
export interface BalanceNode {
  readonly kind: 'balance';
  readonly snapshot: BalanceSnapshot;
}

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
  const item = new vscode.TreeItem(l10n.t('Balance: {0}', formatAmount(balance.monthToDateBalance, locale)));
  item.id = 'balance';
  item.description = l10n.t('usage this month {0}', formatAmount(balance.monthToDateUsage, locale));
  item.iconPath = new vscode.ThemeIcon('credit-card');
  item.contextValue = 'balance';
  item.tooltip = balanceTooltip(balance, stale, locale);
  return item;
}

export function balanceTooltip(balance: Balance, stale: boolean, locale: string): vscode.MarkdownString {
  return detailsTooltip(`${l10n.t('Account balance')}${stale ? ` (${l10n.t('cached')})` : ''}`, [
    [l10n.t('Month-to-date usage'), formatAmount(balance.monthToDateUsage, locale)],
    [l10n.t('Month-to-date balance'), formatAmount(balance.monthToDateBalance, locale)],
    [l10n.t('Account balance'), formatAmount(balance.accountBalance, locale)],
    [l10n.t('Generated'), formatDateTime(balance.generatedAt || undefined, locale)],
  ]);
}
