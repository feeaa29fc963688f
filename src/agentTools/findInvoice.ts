import { Invoice } from '../api/types';
import { InvoiceSnapshot } from '../invoices/invoiceList';
import { l10n } from '../util/l10n';
import { parsePeriod } from '../util/period';
import { BillingReader, ListRead } from './billingReader';
import { InvoiceRef } from './toolInput';
import { ToolProblem } from './toolProblem';
import { monthLabel } from './toolText';

export interface FoundInvoice {
  readonly invoice: Invoice;
  readonly inProgress: boolean;
  readonly read: ListRead<Invoice, unknown>;
}

function matches(ref: InvoiceRef, invoice: Invoice): boolean {
  switch (ref.kind) {
    case 'period':
      return invoice.period === ref.period;
    case 'uuid':
      return invoice.invoiceUuid.toLowerCase() === ref.uuid.toLowerCase();
    case 'id':
      return invoice.invoiceId === ref.id;
    case 'current':
      return false;
  }
}

/** Newest first: a month older than every loaded invoice may still be on a later page. */
function mayBeFurther(ref: InvoiceRef, snapshot: InvoiceSnapshot): boolean {
  if (ref.kind !== 'period') {
    return true;
  }
  return !snapshot.items.some((invoice) => parsePeriod(invoice.period) !== undefined && invoice.period < ref.period);
}

function lookUp(ref: InvoiceRef, snapshot: InvoiceSnapshot): { invoice: Invoice; inProgress: boolean } | undefined {
  const { preview } = snapshot;
  if (preview && (ref.kind === 'current' || matches(ref, preview))) {
    return { invoice: preview, inProgress: true };
  }
  const invoice = snapshot.items.find((candidate) => matches(ref, candidate));
  return invoice && { invoice, inProgress: false };
}

/** What the list holds, to say so when an invoice is not among it. */
export function loadedInvoices(snapshot: InvoiceSnapshot, locale: string): string {
  const periods = snapshot.items.map((invoice) => invoice.period).filter((period) => parsePeriod(period) !== undefined);
  const closed = periods.length === 0
    ? l10n.t('no closed invoices')
    : l10n.t('{0} closed invoices from {1} to {2}', snapshot.items.length, monthLabel(periods[periods.length - 1], locale), monthLabel(periods[0], locale));
  const preview = snapshot.preview ? l10n.t('the month in progress, {0}', monthLabel(snapshot.preview.period, locale)) : l10n.t('no month in progress');
  return l10n.t('Loaded: {0}, and {1}.', closed, preview) + (snapshot.next ? '' : ` ${l10n.t('The account has no other invoices.')}`);
}

/**
 * The invoice `ref` names, from the invoices loaded; further pages are loaded only while it
 * may be on one of them (a month older than every loaded invoice, a uuid or number not seen).
 */
export async function findInvoice(reader: BillingReader, ref: InvoiceRef, locale: string): Promise<FoundInvoice> {
  const read = await reader.invoices((snapshot) => ref.kind !== 'current' && !lookUp(ref, snapshot) && mayBeFurther(ref, snapshot));
  const found = lookUp(ref, read.snapshot);
  if (found) {
    return { ...found, read };
  }
  const asked = ref.kind === 'current' ? l10n.t('the month in progress') : ref.kind === 'period' ? monthLabel(ref.period, locale) : ref.kind === 'uuid' ? ref.uuid : ref.id;
  const reason = read.problem ? ` ${l10n.t('Note: {0}', read.problem)}` : '';
  throw new ToolProblem('notFound', `${l10n.t('No invoice matches {0}.', asked)} ${loadedInvoices(read.snapshot, locale)}${reason}`);
}
