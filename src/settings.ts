import * as vscode from 'vscode';
import { checkApiUrl, ApiUrlCheck } from './api/apiUrl';
import { GROUP_BY, GroupBy } from './lineItems/itemGroups';
import { dollarSettingToCents } from './util/money';

export const SECTION = 'digitaloceanInvoices';

export interface Settings {
  readonly apiUrl: ApiUrlCheck;
  readonly pageSize: number;
  /** 0 = off; otherwise at least 5. */
  readonly refreshIntervalMinutes: number;
  readonly budget: BudgetSettings;
  /** The alerts on daily spend, as configured (checked by insights/alerts.ts `alertSettings`). */
  readonly alerts: { readonly anomalyJumpPercent: unknown; readonly anomalyMinimumAmount: unknown; readonly forecastWarningPercent: unknown };
  readonly groupLineItemsBy: GroupBy;
}

export interface BudgetSettings {
  /** 0 = no budget. */
  readonly cents: bigint;
  readonly warningPercent: number;
}

function integer(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : fallback;
}

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration(SECTION);
  // apiUrl is application-scoped: only the user's own settings may say where the token goes.
  const apiUrl = config.inspect<string>('apiUrl');
  const interval = Math.max(0, integer(config.get('refreshIntervalMinutes'), 30));
  return {
    apiUrl: checkApiUrl(apiUrl?.globalValue ?? apiUrl?.defaultValue),
    pageSize: Math.min(200, Math.max(1, integer(config.get('pageSize'), 20))),
    refreshIntervalMinutes: interval === 0 ? 0 : Math.max(5, interval),
    budget: {
      cents: dollarSettingToCents(config.get('monthlyBudget')),
      warningPercent: Math.min(100, Math.max(1, integer(config.get('budgetWarningPercent'), 80))),
    },
    alerts: {
      anomalyJumpPercent: config.get('anomalyJumpPercent'),
      anomalyMinimumAmount: config.get('anomalyMinimumAmount'),
      forecastWarningPercent: config.get('forecastWarningPercent'),
    },
    groupLineItemsBy: GROUP_BY.find((by) => by === config.get('groupLineItemsBy')) ?? 'product',
  };
}

const SETTING_KEYS: Record<keyof Settings, string[]> = {
  apiUrl: ['apiUrl'],
  pageSize: ['pageSize'],
  refreshIntervalMinutes: ['refreshIntervalMinutes'],
  budget: ['monthlyBudget', 'budgetWarningPercent'],
  alerts: ['anomalyJumpPercent', 'anomalyMinimumAmount', 'forecastWarningPercent'],
  groupLineItemsBy: ['groupLineItemsBy'],
};

export function affects(event: vscode.ConfigurationChangeEvent, key: keyof Settings): boolean {
  return SETTING_KEYS[key].some((name) => event.affectsConfiguration(`${SECTION}.${name}`));
}

/**
 * Sets how line items are grouped, as the view's title-bar toggle does: in the workspace's
 * settings when they hold a value (the user's would not count there), else in the user's.
 */
export async function updateGroupLineItemsBy(groupBy: GroupBy): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const target = config.inspect('groupLineItemsBy')?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('groupLineItemsBy', groupBy, target);
}
