import { Invoice } from '../api/types';
import { BudgetSettings } from '../settings';
import { BudgetStatus, budgetStatus, projectMonthEnd, Projection } from './budget';

/** The month in progress against the budget: what the status bar, the notifier and the chart show. */
export interface BudgetView {
  readonly projection: Projection;
  readonly status: BudgetStatus;
  /** What the month-end figure the budget is checked against comes from. */
  readonly basis: ForecastBasis;
}

/** The straight line from the month-to-date, or the run rate of the daily data (see insights/forecast). */
export type ForecastBasis = 'straightLine' | 'runRate';

/**
 * The projection and budget state of the invoice preview; undefined without a usable preview.
 * With a `forecast` (the run rate, once daily data gives one) the budget is checked against it.
 */
export function budgetOf(preview: Invoice | undefined, budget: BudgetSettings, now: number, forecast?: { readonly basis: ForecastBasis; readonly cents: bigint }): BudgetView | undefined {
  const straight = preview && projectMonthEnd(preview.amount, preview.period, preview.updatedAt, now);
  if (!straight) {
    return undefined;
  }
  const projection = forecast ? { ...straight, projectedCents: forecast.cents } : straight;
  return { projection, status: budgetStatus(projection, budget.cents, budget.warningPercent), basis: forecast?.basis ?? 'straightLine' };
}
