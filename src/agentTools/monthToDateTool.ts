import { budgetOf } from '../budget/budgetModel';
import { BudgetLevel } from '../budget/budget';
import { spendOutlook } from '../insights/spendOutlook';
import { l10n } from '../util/l10n';
import { centsToDecimal, formatAmount, formatCents } from '../util/money';
import { formatDateTime } from '../util/period';
import { accountData, AgentTool } from './agentTool';
import { TOOL_NAMES } from './toolNames';
import { ToolProblem } from './toolProblem';
import { bullet, lines, listNotes, monthLabel } from './toolText';

function budgetState(level: BudgetLevel, warningPercent: number): string {
  switch (level) {
    case 'over':
      return l10n.t('Month-to-date spend is over the budget.');
    case 'projectedOver':
      return l10n.t('The month-end forecast is over the budget.');
    case 'warning':
      return l10n.t('Spend has reached the warning share of {0}% of the budget; the forecast stays within it.', warningPercent);
    default:
      return l10n.t('Within the budget, and forecast to stay within it.');
  }
}

/**
 * The month in progress: spend so far, the month-end forecasts (the run rate once daily data is
 * loaded, and the straight line), the budget checked against the better one, and the balance.
 */
export const monthToDateTool: AgentTool = {
  name: TOOL_NAMES.monthToDate,
  invocationMessage: (_input, accountName) => l10n.t('Reading DigitalOcean month-to-date spend for account "{0}"…', accountName),

  async run(_input, { reader, locale, now, budget }) {
    const account = await reader.begin();
    const [invoices, balance] = await Promise.all([reader.invoices(), reader.balance()]);
    const { preview } = invoices.snapshot;
    if (!preview) {
      throw new ToolProblem('notFound', l10n.t('DigitalOcean sent no invoice preview (month to date) for this account.'));
    }
    // As the status bar: the daily data already loaded, and the budget checked by the run rate once there is one.
    const outlook = spendOutlook(invoices.snapshot.items, preview, reader.recentDays, now);
    const { runRate } = outlook;
    const model = budgetOf(preview, budget, now, runRate && { basis: 'runRate', cents: runRate.cents });
    const straight = budgetOf(preview, budget, now);
    const figures = balance.snapshot.balance;
    const generated = figures && formatDateTime(figures.generatedAt || undefined, locale);
    const text = lines(
      l10n.t('Month to date, {0}:', monthLabel(preview.period, locale)),
      bullet(l10n.t('Spend so far (invoice preview): {0}, last updated by DigitalOcean {1}', formatAmount(preview.amount, locale), formatDateTime(preview.updatedAt, locale) ?? '—')),
      runRate && bullet(l10n.t('Month-end forecast at the run rate: {0} (month to date from daily data {1}, plus the 7-day average of {2} for each of the {3} days left)',
        formatCents(runRate.cents, locale), formatCents(runRate.monthToDate.cents, locale), formatCents(runRate.average.cents, locale), runRate.daysLeft)),
      straight && bullet(l10n.t('Projected month-end total on a straight line: {0} ({1}% of the month had passed)', formatCents(straight.projection.projectedCents, locale), Math.floor(straight.projection.elapsedShare * 100))),
      !runRate && bullet(l10n.t('No run-rate forecast: the daily spend of the last 7 days is not loaded; Daily Spend shows why.')),
      model && (model.status.level === 'none'
        ? bullet(l10n.t('No monthly budget is set (setting digitaloceanInvoices.monthlyBudget).'))
        : bullet(`${l10n.t('Budget: {0} ({1}% used)', formatCents(model.status.budgetCents, locale), model.status.percentUsed)}. ${budgetState(model.status.level, budget.warningPercent)}`)),
      figures && bullet(l10n.t('Balance: month-to-date usage {0}, month-to-date balance {1}, account balance {2}', formatAmount(figures.monthToDateUsage, locale), formatAmount(figures.monthToDateBalance, locale), formatAmount(figures.accountBalance, locale))
        + (generated ? ` (${l10n.t('generated {0}', generated)})` : '')),
      !figures && bullet(l10n.t('Balance unavailable')),
      ...listNotes(invoices, locale),
      balance.problem && l10n.t('Note: {0}', balance.problem),
    );
    return {
      text,
      data: accountData(account, {
        period: preview.period,
        monthToDate: preview.amount,
        updatedAt: preview.updatedAt,
        projectedMonthEnd: straight && centsToDecimal(straight.projection.projectedCents),
        runRateForecast: runRate && {
          amount: centsToDecimal(runRate.cents), monthToDateFromDaily: centsToDecimal(runRate.monthToDate.cents),
          sevenDayAverage: centsToDecimal(runRate.average.cents), daysLeft: runRate.daysLeft,
        },
        budget: model && model.status.level !== 'none'
          ? { amount: centsToDecimal(model.status.budgetCents), percentUsed: model.status.percentUsed, warningPercent: budget.warningPercent, state: model.status.level, checkedAgainst: model.basis }
          : undefined,
        balance: figures && { ...figures },
      }),
    };
  },
};
