import { addDays, dayOf } from '../api/days';
import { alertMessage } from '../insights/alertText';
import { dailySpend, groupSpend, SpendGroup } from '../insights/spend';
import { recentAlerts, spendOutlook } from '../insights/spendOutlook';
import { lastDays } from '../insights/windows';
import { l10n } from '../util/l10n';
import { centsToDecimal, formatCents } from '../util/money';
import { formatDate, formatDateTime } from '../util/period';
import { accountData, AgentTool, valid } from './agentTool';
import { checkDays, checkGroupBy } from './toolInput';
import { TOOL_NAMES } from './toolNames';
import { bullet, lines, unreadableNote } from './toolText';

export const DAILY_GROUP_BY = ['product', 'region'] as const;

const amounts = (groups: readonly SpendGroup[]) => groups.map((group) => ({ name: group.label, amount: centsToDecimal(group.cents) }));

/** Daily spend of the last `days` days up to yesterday (the data is nightly), by product or region, with the alerts. */
export const dailySpendTool: AgentTool = {
  name: TOOL_NAMES.dailySpend,
  invocationMessage: (_input, accountName) => l10n.t('Reading the DigitalOcean daily spend for account "{0}"…', accountName),

  async run(input, { reader, locale, now, alerts: alertSettings }) {
    const days = valid(checkDays(input));
    const groupBy = valid(checkGroupBy(input, DAILY_GROUP_BY));
    const range = lastDays(addDays(dayOf(now), -1), days);
    const account = await reader.begin();
    const read = await reader.dailySpend(range);
    const daily = dailySpend(read.data);
    const groups = groupSpend(read.data.dataPoints, groupBy);
    const perDay = daily.days.map((day) => ({ ...day, groups: day.state === 'known' ? groupSpend(read.data.dataPoints, groupBy, { day: day.day }) : [] }));
    const invoices = reader.invoicesShown;
    const alerts = read.recent && invoices.hasToken
      ? recentAlerts(read.recent, spendOutlook(invoices.items, invoices.preview, read.recent, now), alertSettings)
      : [];
    const money = (cents: bigint) => formatCents(cents, locale);
    const dayLine = (day: typeof perDay[number]) => {
      const date = `${formatDate(day.day, locale)} (${day.day})`;
      switch (day.state) {
        case 'missing':
          return bullet(l10n.t('{0}: unknown, its figures could not be loaded', date));
        case 'noData':
          return bullet(l10n.t('{0}: no daily data (DigitalOcean\'s daily data starts later)', date));
        default:
          return bullet(`${date}: ${money(day.cents)}` + (day.groups.length > 0 ? ` (${day.groups.map((group) => `${group.label} ${money(group.cents)}`).join(', ')})` : ''));
      }
    };
    const missing = daily.days.filter((day) => day.state === 'missing').length;

    const text = lines(
      l10n.t('Daily spend from {0} to {1} ({2} days, up to yesterday: DigitalOcean updates it nightly), fetched {3}.', range.start, range.end, days, formatDateTime(read.fetchedAt, locale) ?? '—'),
      groupBy === 'product' ? l10n.t('By product, largest first:') : l10n.t('By region, largest first:'),
      ...groups.map((group) => bullet(`${group.label}: ${money(group.cents)}`)),
      groups.length === 0 && l10n.t('No spend in this range.'),
      l10n.t('Total of the known days: {0}.', money(daily.cents)),
      l10n.t('Per day:'),
      ...perDay.map(dayLine),
      missing > 0 && l10n.t('Incomplete: the figures of {0} days could not be loaded ({1}); the totals lack them.', missing, read.failures.join('; ') || '—'),
      ...read.problems.map((problem) => l10n.t('Note: {0}', problem)),
      unreadableNote(daily.unreadable),
      alerts.length > 0 ? l10n.t('Alerts on the recent days:') : read.recent && l10n.t('No alerts on the recent days.'),
      ...alerts.map((alert) => bullet(alertMessage(alert, locale))),
    );
    return {
      text,
      data: accountData(account, {
        fromDate: range.start,
        toDate: range.end,
        groupBy,
        groups: amounts(groups),
        total: centsToDecimal(daily.cents),
        days: perDay.map((day) => ({
          day: day.day,
          state: day.state,
          total: day.state === 'known' ? centsToDecimal(day.cents) : undefined,
          groups: amounts(day.groups),
        })),
        complete: missing === 0,
        alerts: alerts.map((alert) => ({ kind: alert.kind, day: 'day' in alert ? alert.day : undefined, message: alertMessage(alert, locale) })),
      }),
    };
  },
};
