import { Invoice } from '../api/types';
import { l10n } from '../util/l10n';
import { formatAmount, formatCents } from '../util/money';
import { formatDateTime, parsePeriod } from '../util/period';
import { accountData, AgentTool, valid } from './agentTool';
import { checkMonthRange, MonthRange, monthOf } from './toolInput';
import { TOOL_NAMES } from './toolNames';
import { bullet, decimal, exactSum, lines, listNotes, monthLabel, unreadableNote } from './toolText';

const inRange = (period: string, range: MonthRange) => parsePeriod(period) !== undefined && period >= range.from && period <= range.to;

/** The list is newest first: once an invoice older than the range is loaded, the whole range is. */
const reachesBack = (invoices: readonly Invoice[], range: MonthRange) =>
  invoices.some((invoice) => parsePeriod(invoice.period) !== undefined && invoice.period < range.from);

/** Invoices (and the month in progress) in a range of months: period, amount, number and uuid. */
export const listInvoicesTool: AgentTool = {
  name: TOOL_NAMES.listInvoices,
  invocationMessage: (_input, accountName) => l10n.t('Reading DigitalOcean invoices for account "{0}"…', accountName),

  async run(input, { reader, locale, now }) {
    const range = valid(checkMonthRange(input, monthOf(now)));
    const account = await reader.begin();
    const read = await reader.invoices((snapshot) => !reachesBack(snapshot.items, range));
    const { snapshot } = read;
    const invoices = snapshot.items.filter((invoice) => inRange(invoice.period, range));
    const preview = snapshot.preview && inRange(snapshot.preview.period, range) ? snapshot.preview : undefined;
    const total = exactSum(invoices.map((invoice) => invoice.amount));
    const complete = reachesBack(snapshot.items, range) || !snapshot.next;
    const oldest = snapshot.items.findLast((invoice) => parsePeriod(invoice.period) !== undefined);

    const rows = [
      preview && bullet(l10n.t('{0}: {1} so far · month in progress, last updated {2}',
        monthLabel(preview.period, locale), formatAmount(preview.amount, locale), formatDateTime(preview.updatedAt, locale) ?? '—')),
      ...invoices.map((invoice) => bullet(l10n.t('{0}: {1} · invoice {2} · uuid {3}',
        monthLabel(invoice.period, locale), formatAmount(invoice.amount, locale), invoice.invoiceId || '—', invoice.invoiceUuid))),
    ];
    const text = lines(
      l10n.t('Invoices from {0} to {1}, newest first:', monthLabel(range.from, locale), monthLabel(range.to, locale)),
      ...(invoices.length === 0 && !preview ? [l10n.t('No invoices in this range.')] : rows),
      invoices.length > 0 && l10n.t('{0} closed invoices in the range, together {1}.', invoices.length, formatCents(total.cents, locale)),
      unreadableNote(total.unreadable),
      !complete && l10n.t('Only invoices back to {0} could be loaded; older ones in the range are missing.', oldest ? monthLabel(oldest.period, locale) : '—'),
      complete && !snapshot.next && oldest && oldest.period > range.from && l10n.t('The account has no invoices before {0}.', monthLabel(oldest.period, locale)),
      ...listNotes(read, locale),
    );
    return {
      text,
      data: accountData(account, {
        fromMonth: range.from,
        toMonth: range.to,
        monthInProgress: preview && { period: preview.period, amountSoFar: preview.amount, updatedAt: preview.updatedAt },
        invoices: invoices.map(({ period, amount, invoiceId, invoiceUuid }) => ({ period, amount, invoiceId, invoiceUuid })),
        closedInvoicesTotal: decimal(total),
        complete,
      }),
    };
  },
};
