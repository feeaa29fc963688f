// GET /v2/customers/my/invoices/{uuid}/summary: the invoice's items totalled by category.
import { categoryOf, ChargeCategory, InvoiceItem } from './catalog';
import { Account } from './data';
import { ListedInvoice } from './invoices';
import { formatCents, parseCents } from './money';

export interface ProductChargeItem {
  amount: string;
  name: string;
  count: string;
}

export interface SimpleCharge {
  name: string;
  amount: string;
}

export interface InvoiceSummary {
  invoice_uuid: string;
  invoice_id: string;
  billing_period: string;
  amount: string;
  user_name: string;
  user_billing_address: Account['user_billing_address'];
  user_company: string;
  user_email: string;
  product_charges: SimpleCharge & { items: ProductChargeItem[] };
  overages: SimpleCharge;
  taxes: SimpleCharge;
  credits_and_adjustments: SimpleCharge;
}

function totalOf(items: readonly InvoiceItem[], category: ChargeCategory): string {
  return formatCents(items
    .filter((item) => categoryOf(item.product) === category)
    .reduce((sum, item) => sum + parseCents(item.amount), 0));
}

/** Usage items grouped by product, largest first. */
function productCharges(items: readonly InvoiceItem[]): ProductChargeItem[] {
  const byProduct = new Map<string, { cents: number; count: number }>();
  for (const item of items.filter((i) => categoryOf(i.product) === 'usage')) {
    const entry = byProduct.get(item.product) ?? { cents: 0, count: 0 };
    entry.cents += parseCents(item.amount);
    entry.count += 1;
    byProduct.set(item.product, entry);
  }
  return [...byProduct.entries()]
    .sort(([nameA, a], [nameB, b]) => b.cents - a.cents || nameA.localeCompare(nameB))
    .map(([name, { cents, count }]) => ({ amount: formatCents(cents), name, count: String(count) }));
}

/** Credits are negative, so product_charges + overages + taxes + credits_and_adjustments = amount. */
export function buildSummary(invoice: ListedInvoice, items: readonly InvoiceItem[], account: Account): InvoiceSummary {
  return {
    invoice_uuid: invoice.invoice_uuid,
    invoice_id: invoice.invoice_id,
    billing_period: invoice.invoice_period,
    amount: invoice.amount,
    user_name: account.user_name,
    user_billing_address: account.user_billing_address,
    user_company: account.user_company,
    user_email: account.user_email,
    product_charges: { name: 'Product usage charges', amount: totalOf(items, 'usage'), items: productCharges(items) },
    overages: { name: 'Overages', amount: totalOf(items, 'overage') },
    taxes: { name: 'Taxes', amount: totalOf(items, 'tax') },
    credits_and_adjustments: { name: 'Credits & adjustments', amount: totalOf(items, 'credit') },
  };
}
