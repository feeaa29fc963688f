import { invoiceApiId } from '../api/client';
import { GROUP_BY, groupLineItems, groupName } from '../lineItems/itemGroups';
import { l10n } from '../util/l10n';
import { centsToDecimal, formatAmount, formatCents, parseCents } from '../util/money';
import { formatDateTime } from '../util/period';
import { accountData, AgentTool, valid } from './agentTool';
import { findInvoice } from './findInvoice';
import { checkGroupBy, checkInvoiceRef, inputObject } from './toolInput';
import { TOOL_NAMES } from './toolNames';
import { ToolProblem } from './toolProblem';
import { bullet, lines, listNotes, monthLabel, unreadableNote } from './toolText';

/** Groups listed one by one; the rest are summed in one line. */
export const MAX_GROUPS_LISTED = 25;

/** One invoice, or the month in progress, by product or by project, with exact subtotals. */
export const invoiceBreakdownTool: AgentTool = {
  name: TOOL_NAMES.invoiceBreakdown,
  invocationMessage: (input, accountName) => {
    const { invoice } = inputObject(input);
    return typeof invoice === 'string' && invoice.trim() !== ''
      ? l10n.t('Reading the DigitalOcean invoice {0} for account "{1}"…', invoice.trim(), accountName)
      : l10n.t('Reading DigitalOcean invoices for account "{0}"…', accountName);
  },

  async run(input, { reader, locale, groupLineItemsBy }) {
    const ref = valid(checkInvoiceRef(input));
    const groupBy = valid(checkGroupBy(input, GROUP_BY, groupLineItemsBy));
    const account = await reader.begin();
    const { invoice, inProgress, read } = await findInvoice(reader, ref, locale);
    const itemsKey = invoiceApiId(invoice, inProgress);
    if (!itemsKey) {
      throw new ToolProblem('notFound', l10n.t('The API sent no uuid for the invoice of {0}, so its line items cannot be asked for.', monthLabel(invoice.period, locale)));
    }
    const result = await reader.lineItems(itemsKey);
    const grouped = groupLineItems(result.items, groupBy);
    const listed = grouped.groups.slice(0, MAX_GROUPS_LISTED);
    const rest = grouped.groups.slice(MAX_GROUPS_LISTED);
    const restCents = rest.reduce((sum, group) => sum + group.subtotalCents, 0n);
    const invoiceCents = parseCents(invoice.amount);
    const count = (n: number) => (n === 1 ? l10n.t('1 item') : l10n.t('{0} items', n));
    const failedPages = result.failed.map((failure) => failure.page).join(', ');

    const text = lines(
      inProgress
        ? l10n.t('Month in progress, {0}: {1} so far, last updated {2}', monthLabel(invoice.period, locale), formatAmount(invoice.amount, locale), formatDateTime(invoice.updatedAt, locale) ?? '—')
        : l10n.t('Invoice for {0} · invoice {1} · uuid {2}: {3}', monthLabel(invoice.period, locale), invoice.invoiceId || '—', invoice.invoiceUuid, formatAmount(invoice.amount, locale)),
      groupBy === 'product'
        ? l10n.t('By product, largest first ({0}):', count(grouped.itemCount))
        : l10n.t('By project, largest first ({0}):', count(grouped.itemCount)),
      ...listed.map((group) => bullet(`${groupName(group.key, groupBy)}: ${formatCents(group.subtotalCents, locale)} (${count(group.count)})`)),
      rest.length > 0 && bullet(l10n.t('{0} more groups, together {1}', rest.length, formatCents(restCents, locale))),
      grouped.itemCount === 0 && l10n.t('No line items.'),
      l10n.t('The line items add up to {0}.', formatCents(grouped.totalCents, locale)),
      result.complete && invoiceCents !== undefined && invoiceCents !== grouped.totalCents
        && l10n.t('The invoice amount is {0}; the line items differ from it by {1}.', formatCents(invoiceCents, locale), formatCents(invoiceCents - grouped.totalCents, locale)),
      !result.complete && l10n.t('Incomplete: pages {0} of the line items could not be loaded ({1}); the figures above lack their items.', failedPages, result.failed[0]?.message ?? ''),
      ...result.problems.map((problem) => l10n.t('Note: {0}', problem)),
      unreadableNote(grouped.unparseableCount),
      ...listNotes(read, locale),
    );
    return {
      text,
      data: accountData(account, {
        invoice: { period: invoice.period, amount: invoice.amount, invoiceId: invoice.invoiceId, invoiceUuid: invoice.invoiceUuid, inProgress },
        groupBy,
        groups: listed.map((group) => ({ name: groupName(group.key, groupBy), amount: centsToDecimal(group.subtotalCents), items: group.count })),
        otherGroups: rest.length > 0 ? { groups: rest.length, amount: centsToDecimal(restCents) } : undefined,
        lineItemsTotal: centsToDecimal(grouped.totalCents),
        lineItems: grouped.itemCount,
        complete: result.complete,
        missingPages: result.failed.map((failure) => failure.page),
      }),
    };
  },
};
