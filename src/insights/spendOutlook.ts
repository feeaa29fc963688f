import { addDays, dayOf } from '../api/days';
import { Invoice } from '../api/types';
import { Projection } from '../budget/budget';
import { AlertSettings, evaluateAlerts, Alert } from './alerts';
import {
  Average, BestForecast, bestForecast, Change, changeAgainst, InvoiceAmount, runRateFromDaily, RunRateForecast, spendOn,
  straightLine, trailingAverage, YearToDate, yearToDate,
} from './forecast';
import { dailySpend } from './spend';
import { RecentInsights } from './insightsState';

/** What the month looks like: yesterday, the week's average, both forecasts, the change and the year so far. */
export interface SpendOutlook {
  readonly yesterday?: { readonly day: string; readonly cents: bigint };
  readonly average?: Average;
  readonly runRate?: RunRateForecast;
  readonly straightLine?: Projection;
  /** The forecast to warn by: the run rate once daily data gives one, else the straight line. */
  readonly best?: BestForecast;
  /** The last closed month's invoice, which the best forecast is compared with. */
  readonly lastInvoice?: InvoiceAmount;
  readonly change?: Change;
  readonly yearToDate?: YearToDate;
}

/** The closed invoice of the month before the preview's, when loaded. */
function lastMonthsInvoice(invoices: readonly Invoice[], preview: Invoice | undefined): Invoice | undefined {
  const month = preview ? preview.period : undefined;
  if (!month) {
    return invoices[0];
  }
  const previous = dayOf(Date.parse(`${month}-01T00:00:00Z`) - 1).slice(0, 7);
  return invoices.find((invoice) => invoice.period === previous);
}

export function spendOutlook(invoices: readonly Invoice[], preview: Invoice | undefined, recent: RecentInsights | undefined, now: number): SpendOutlook {
  const today = dayOf(now);
  const yesterdayDay = addDays(today, -1);
  const daily = recent && dailySpend(recent);
  const yesterdayCents = daily && spendOn(daily, yesterdayDay);
  const runRate = daily && runRateFromDaily(daily, today);
  const projection = preview && straightLine(preview, now);
  const best = bestForecast(runRate, projection);
  const lastInvoice = lastMonthsInvoice(invoices, preview);
  return {
    yesterday: yesterdayCents === undefined ? undefined : { day: yesterdayDay, cents: yesterdayCents },
    average: daily && trailingAverage(daily, yesterdayDay),
    runRate,
    straightLine: projection,
    best,
    lastInvoice,
    change: best && lastInvoice ? changeAgainst(best.cents, lastInvoice.amount) : undefined,
    yearToDate: preview ? yearToDate(invoices, preview) : undefined,
  };
}

/** The alerts the recent days give, with the run-rate forecast against last month's invoice. */
export function recentAlerts(recent: RecentInsights, outlook: SpendOutlook, settings: AlertSettings): Alert[] {
  return evaluateAlerts({ data: recent, daily: dailySpend(recent), settings, forecast: outlook.runRate, lastInvoice: outlook.lastInvoice });
}
