import { parseCents } from '../util/money';
import { parsePeriod } from '../util/period';

export interface Projection {
  /** Month-to-date spend in cents. */
  readonly actualCents: bigint;
  /** Month-to-date scaled to the whole month, in cents (rounded half up). */
  readonly projectedCents: bigint;
  /** Share of the month elapsed at `updated_at`, 0..1 (for display only). */
  readonly elapsedShare: number;
}

/**
 * Projects the month-end total from the invoice preview: the amount at `updated_at`, scaled by
 * how much of the month (in UTC, as the API bills) had passed then. Exact: integer cents
 * times integer milliseconds. Undefined when the amount or period is malformed.
 */
export function projectMonthEnd(amount: string, period: string, updatedAt: string | undefined, now: number): Projection | undefined {
  const actualCents = parseCents(amount);
  const month = parsePeriod(period);
  if (actualCents === undefined || !month) {
    return undefined;
  }
  const start = Date.UTC(month.year, month.month - 1, 1);
  const end = Date.UTC(month.year, month.month, 1);
  const updated = updatedAt ? Date.parse(updatedAt) : NaN;
  const at = Number.isNaN(updated) ? now : updated;
  // At least an hour in, so a figure from the first minutes of a month is not blown up.
  const elapsed = Math.min(end - start, Math.max(at - start, 3_600_000));
  const total = end - start;
  const projectedCents = (actualCents * BigInt(total) + BigInt(elapsed) / 2n) / BigInt(elapsed);
  return { actualCents, projectedCents, elapsedShare: elapsed / total };
}

export type BudgetLevel = 'none' | 'ok' | 'warning' | 'projectedOver' | 'over';

export interface BudgetStatus {
  readonly level: BudgetLevel;
  readonly budgetCents: bigint;
  /** Whole percent of the budget spent so far (floor). */
  readonly percentUsed: number;
  /** Background warning: the warning share is reached. */
  readonly warn: boolean;
}

export function budgetStatus(projection: Projection, budget: bigint, warningPercent: number): BudgetStatus {
  if (budget <= 0n) {
    return { level: 'none', budgetCents: 0n, percentUsed: 0, warn: false };
  }
  const percentUsed = Number((projection.actualCents * 100n) / budget);
  const warn = percentUsed >= warningPercent;
  const level: BudgetLevel = projection.actualCents > budget
    ? 'over'
    : projection.projectedCents > budget
      ? 'projectedOver'
      : warn ? 'warning' : 'ok';
  return { level, budgetCents: budget, percentUsed, warn };
}
