import { Json, invalid, isObject, parseEnvelope, parseList, text } from './parse';
import {
  Balance, BillingAddress, BillingHistoryEntry, BillingHistoryPage, Charge, InvoiceItem, InvoiceItemsPage, InvoiceSummary, PageRef, ProductCharge,
} from './types';
import { l10n } from '../util/l10n';

// Like parse.ts: strict on structure (an object where an object is documented, an array where
// a list is), lenient on values (a malformed amount or text is kept as text, '' when absent).

function optionalText(value: unknown): string | undefined {
  return text(value) || undefined;
}

/** `what` says what is wrong; made only when it is (it runs for every record otherwise). */
function requireObject(value: unknown, what: () => string, status: number): Json {
  if (!isObject(value)) {
    throw invalid(what(), status);
  }
  return value;
}

function parseItem(value: unknown, status: number): InvoiceItem {
  const item = requireObject(value, () => l10n.t('an invoice item is not an object'), status);
  return {
    product: text(item.product),
    resourceUuid: optionalText(item.resource_uuid),
    resourceId: optionalText(item.resource_id),
    groupDescription: text(item.group_description),
    description: text(item.description),
    amount: text(item.amount),
    duration: text(item.duration),
    durationUnit: text(item.duration_unit),
    startTime: text(item.start_time),
    endTime: text(item.end_time),
    projectName: text(item.project_name),
  };
}

export function parseInvoiceItemsPage(body: unknown, requested: PageRef, status = 200): InvoiceItemsPage {
  const list = parseList(body, 'invoice_items', l10n.t('the list of invoice items is missing'), status, parseItem);
  return { items: list.records, ...parseEnvelope(list.body, requested) };
}

function parseHistoryEntry(value: unknown, status: number): BillingHistoryEntry {
  const entry = requireObject(value, () => l10n.t('a billing history entry is not an object'), status);
  return {
    date: text(entry.date),
    type: text(entry.type),
    description: text(entry.description),
    amount: text(entry.amount),
    invoiceId: optionalText(entry.invoice_id),
    invoiceUuid: optionalText(entry.invoice_uuid),
  };
}

export function parseBillingHistoryPage(body: unknown, requested: PageRef, status = 200): BillingHistoryPage {
  const list = parseList(body, 'billing_history', l10n.t('the billing history is missing'), status, parseHistoryEntry);
  return { entries: list.records, ...parseEnvelope(list.body, requested) };
}

export function parseBalance(body: unknown, status = 200): Balance {
  const balance = requireObject(body, () => l10n.t('the balance is not an object'), status);
  return {
    monthToDateBalance: text(balance.month_to_date_balance),
    accountBalance: text(balance.account_balance),
    monthToDateUsage: text(balance.month_to_date_usage),
    generatedAt: text(balance.generated_at),
  };
}

/** An optional section of the summary: undefined when absent or null, an error when not an object. */
function section(value: unknown, name: string, status: number): Json | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  return requireObject(value, () => l10n.t('the summary\'s {0} is not an object', name), status);
}

function parseCharge(value: unknown, name: string, status: number): Charge | undefined {
  const charge = section(value, name, status);
  return charge && { name: text(charge.name), amount: text(charge.amount) };
}

function parseProductCharges(value: unknown, status: number): InvoiceSummary['productCharges'] {
  const charges = section(value, 'product_charges', status);
  if (!charges) {
    return undefined;
  }
  if (charges.items !== undefined && charges.items !== null && !Array.isArray(charges.items)) {
    throw invalid(l10n.t('the summary\'s product charges are not a list'), status);
  }
  const items: ProductCharge[] = ((charges.items as unknown[] | null | undefined) ?? []).map((item) => {
    const charge = requireObject(item, () => l10n.t('a product charge is not an object'), status);
    return { name: text(charge.name), amount: text(charge.amount), count: text(charge.count) };
  });
  return { name: text(charges.name), amount: text(charges.amount), items };
}

function parseAddress(value: unknown, status: number): BillingAddress | undefined {
  const address = section(value, 'user_billing_address', status);
  return address && {
    addressLine1: text(address.address_line1),
    addressLine2: text(address.address_line2),
    city: text(address.city),
    region: text(address.region),
    postalCode: text(address.postal_code),
    countryIso2Code: text(address.country_iso2_code),
  };
}

export function parseInvoiceSummary(body: unknown, status = 200): InvoiceSummary {
  const summary = requireObject(body, () => l10n.t('the invoice summary is not an object'), status);
  return {
    invoiceUuid: text(summary.invoice_uuid),
    invoiceId: text(summary.invoice_id),
    billingPeriod: text(summary.billing_period),
    amount: text(summary.amount),
    userName: text(summary.user_name),
    userCompany: text(summary.user_company),
    userEmail: text(summary.user_email),
    billingAddress: parseAddress(summary.user_billing_address, status),
    productCharges: parseProductCharges(summary.product_charges, status),
    overages: parseCharge(summary.overages, 'overages', status),
    taxes: parseCharge(summary.taxes, 'taxes', status),
    creditsAndAdjustments: parseCharge(summary.credits_and_adjustments, 'credits_and_adjustments', status),
  };
}
