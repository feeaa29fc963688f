import { BillingHistoryEntry } from '../api/types';
import { l10n } from '../util/l10n';
import { centsToDecimal, formatAmount, formatCents } from '../util/money';
import { formatDate } from '../util/period';
import { accountData, AgentTool, valid } from './agentTool';
import { checkDateRange, DateRange, formatDay } from './toolInput';
import { TOOL_NAMES } from './toolNames';
import { bullet, exactSum, lines, listNotes, unreadableNote } from './toolText';

/** Entries listed one by one; the totals always cover them all. */
export const MAX_ENTRIES_LISTED = 100;

/** The UTC calendar day of an entry ("2024-05-03"), as the view dates it; undefined when its date is not one. */
function dayOf(entry: BillingHistoryEntry): string | undefined {
  const time = Date.parse(entry.date);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}

/** The history is newest first: once an entry older than the range is loaded, the whole range is. */
const reachesBack = (entries: readonly BillingHistoryEntry[], range: DateRange) =>
  entries.some((entry) => (dayOf(entry) ?? range.from) < range.from);

function typeTotals(entries: readonly BillingHistoryEntry[]) {
  const byType = new Map<string, BillingHistoryEntry[]>();
  for (const entry of entries) {
    byType.set(entry.type, [...(byType.get(entry.type) ?? []), entry]);
  }
  return [...byType].map(([type, ofType]) => ({ type, count: ofType.length, sum: exactSum(ofType.map((entry) => entry.amount)) }));
}

/** Invoices issued, payments and credits in a range of days. */
export const billingHistoryTool: AgentTool = {
  name: TOOL_NAMES.billingHistory,
  invocationMessage: (_input, accountName) => l10n.t('Reading the DigitalOcean billing history for account "{0}"…', accountName),

  async run(input, { reader, locale, now }) {
    const range = valid(checkDateRange(input, formatDay(Math.floor(now / 86_400_000))));
    const account = await reader.begin();
    const read = await reader.history((snapshot) => !reachesBack(snapshot.items, range));
    const { snapshot } = read;
    const entries = snapshot.items.filter((entry) => {
      const day = dayOf(entry);
      return day !== undefined && day >= range.from && day <= range.to;
    });
    const totals = typeTotals(entries);
    const complete = reachesBack(snapshot.items, range) || !snapshot.next;
    const entryCount = (n: number) => (n === 1 ? l10n.t('1 entry') : l10n.t('{0} entries', n));
    const text = lines(
      l10n.t('Billing history from {0} to {1}, newest first:', range.from, range.to),
      ...entries.slice(0, MAX_ENTRIES_LISTED).map((entry) => bullet(
        [formatDate(entry.date, locale), entry.type, entry.description].filter(Boolean).join(' · ')
        + `: ${formatAmount(entry.amount, locale)}`
        + (entry.invoiceUuid ? ` · ${l10n.t('invoice uuid {0}', entry.invoiceUuid)}` : ''))),
      entries.length > MAX_ENTRIES_LISTED && l10n.t('{0} older entries in the range are not listed; they are in the totals. Ask for a shorter range to see them.', entries.length - MAX_ENTRIES_LISTED),
      entries.length === 0 && l10n.t('No billing history entries in this range.'),
      totals.length > 0 && l10n.t('Totals by type: {0}.', totals.map(({ type, count, sum }) => `${type} ${formatCents(sum.cents, locale)} (${entryCount(count)})`).join('; ')),
      unreadableNote(totals.reduce((count, total) => count + total.sum.unreadable, 0)),
      !complete && l10n.t('Only entries back to {0} could be loaded; older ones in the range are missing.', formatDate(snapshot.items.at(-1)?.date, locale)),
      ...listNotes(read, locale),
    );
    return {
      text,
      data: accountData(account, {
        fromDate: range.from,
        toDate: range.to,
        entries: entries.slice(0, MAX_ENTRIES_LISTED).map(({ date, type, description, amount, invoiceId, invoiceUuid }) => ({ date, type, description, amount, invoiceId, invoiceUuid })),
        totalsByType: totals.map(({ type, count, sum }) => ({ type, entries: count, amount: centsToDecimal(sum.cents) })),
        complete,
      }),
    };
  },
};
