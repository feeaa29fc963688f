import { Invoice } from '../api/types';
import { BudgetSettings } from '../settings';
import { BudgetStatus, budgetStatus, projectMonthEnd, Projection } from './budget';

/** The month in progress against the budget: what the status bar, the notifier and the chart show. */
export interface BudgetView {
  readonly projection: Projection;
  readonly status: BudgetStatus;
}

/** The projection and budget state of the invoice preview; undefined without a usable preview. */
export function budgetOf(preview: Invoice | undefined, budget: BudgetSettings, now: number): BudgetView | undefined {
  const projection = preview && projectMonthEnd(preview.amount, preview.period, preview.updatedAt, now);
  return projection && { projection, status: budgetStatus(projection, budget.cents, budget.warningPercent) };
}
