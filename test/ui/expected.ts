// What the invoices view should show for the fake API's data, formatted the way the extension
// formats it (src/util money and period, in VS Code's default display language).
import { formatAmount, formatCents, parseCents } from '../../src/util/money';
import { formatPeriod } from '../../src/util/period';
import type { InvoiceItem, ListedInvoice } from '../fake-api/server';

export const LOCALE = 'en';

export const month = (invoice: ListedInvoice): string => formatPeriod(invoice.invoice_period, LOCALE);
export const money = (amount: string): string => formatAmount(amount, LOCALE);

/** The balance row's accessible name begins so. */
export const BALANCE_ROW = /^Month-to-date balance: /;
/** An invoice row's accessible name (the month in progress too): the month, then its amount. */
export const INVOICE_ROW = /^[A-Z][a-z]+ \d{4}, -?\$/;

/** The accessible name of a closed invoice's row: "October 2026, $12.34". */
export function invoiceRow(invoice: ListedInvoice): string {
  return `${month(invoice)}, ${money(invoice.amount)}`;
}

/** The accessible name of the month-in-progress row: "November 2026, $34.56 · in progress". */
export function previewRow(preview: ListedInvoice): string {
  return `${month(preview)}, ${money(preview.amount)} · in progress`;
}

/** Groups of an invoice's line items as the rows show them, in their order (largest first): name and "$1.23 · 4 items". */
function groupRows(items: readonly InvoiceItem[], nameOf: (item: InvoiceItem) => string): { name: string; description: string }[] {
  const groups = new Map<string, { count: number; cents: bigint }>();
  for (const item of items) {
    const group = groups.get(nameOf(item)) ?? { count: 0, cents: 0n };
    group.count += 1;
    group.cents += parseCents(item.amount) ?? 0n;
    groups.set(nameOf(item), group);
  }
  const size = (cents: bigint) => (cents < 0n ? -cents : cents);
  const ordered = [...groups].sort(([a, x], [b, y]) => (size(x.cents) === size(y.cents) ? a.localeCompare(b, 'en') : size(y.cents) > size(x.cents) ? 1 : -1));
  return ordered.map(([name, { count, cents }]) => ({
    name,
    description: `${formatCents(cents, LOCALE)} · ${count === 1 ? '1 item' : `${count.toLocaleString(LOCALE)} items`}`,
  }));
}

export const productGroups = (items: readonly InvoiceItem[]) => groupRows(items, (item) => item.product);
export const projectGroups = (items: readonly InvoiceItem[]) => groupRows(items, (item) => item.project_name || '(no project)');

