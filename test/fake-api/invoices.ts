// Invoices and the month-to-date preview. Line items are drafted first, in cents; an
// invoice's amount is their exact sum.
import {
  CREDIT_DESCRIPTIONS, CREDIT_PRODUCT, DraftedItem, flatItem, InvoiceItem, OVERAGE_PRODUCT, TAX_PRODUCT,
  UsageWindow, usageItem,
} from './catalog';
import { divideRounded, formatCents, parseCents } from './money';
import {
  addHours, addMonths, formatPeriod, hoursInPeriod, isoSeconds, Period, periodOf, periodStart,
} from './periods';
import { Rng } from './random';

/** An invoice as listed by GET /v2/customers/my/invoices. */
export interface ListedInvoice {
  invoice_uuid: string;
  invoice_id: string;
  amount: string;
  invoice_period: string;
}

export interface Invoice extends ListedInvoice {
  items: InvoiceItem[];
  /** When the invoice was issued (shortly after its month closed); dates its billing history entry. */
  issued_at: string;
}

export interface InvoicePreview extends ListedInvoice {
  updated_at: string;
  items: InvoiceItem[];
}

export type CreditKind = 'none' | 'partial' | 'full';

export interface InvoicePlan {
  period: Period;
  itemCount: number;
  credit: CreditKind;
  /** Probability that a resource ran the whole month. */
  fullChance: number;
}

/** Sales tax started being charged from this period on. */
const FIRST_TAXED_PERIOD = 202101;
const TAX_BASIS_POINTS = 625;

export function toListed(invoice: ListedInvoice): ListedInvoice {
  const { invoice_uuid, invoice_id, amount, invoice_period } = invoice;
  return { invoice_uuid, invoice_id, amount, invoice_period };
}

function sumCents(items: readonly DraftedItem[]): number {
  return items.reduce((sum, drafted) => sum + drafted.cents, 0);
}

/** Identity of the invoice of a period: the same whatever the other options are. */
function identity(rng: Rng, period: Period) {
  const monthsSince2010 = (period.year - 2010) * 12 + period.month;
  return {
    invoice_uuid: rng.uuid(),
    invoice_id: String(8_000_000 + monthsSince2010 * 4099 + rng.int(0, 4000)),
    invoice_period: formatPeriod(period),
  };
}

function usageItems(rng: Rng, window: UsageWindow, count: number): DraftedItem[] {
  return Array.from({ length: count }, () => usageItem(rng, window));
}

/** Which of the tax, credit and overage lines fit in the item count (in that priority; one item stays usage). */
function extraLines(plan: InvoicePlan, wantsOverage: boolean) {
  const wanted = {
    tax: plan.period.year * 100 + plan.period.month >= FIRST_TAXED_PERIOD,
    credit: plan.credit !== 'none',
    overage: wantsOverage,
  };
  let slots = Math.max(0, plan.itemCount - 1);
  const fits = (want: boolean) => want && slots-- > 0;
  const lines = { tax: fits(wanted.tax), credit: fits(wanted.credit), overage: fits(wanted.overage) };
  const extras = Object.values(lines).filter(Boolean).length;
  return { ...lines, usage: plan.itemCount - extras };
}

export function buildInvoice(seed: string, plan: InvoicePlan): Invoice {
  const rng = new Rng(seed);
  const id = identity(rng, plan.period);
  const nextMonth = periodStart(addMonths(plan.period, 1));
  const issuedAt = new Date(nextMonth.getTime() + rng.int(600, 4 * 3600) * 1000);
  const window: UsageWindow = { period: plan.period, hours: hoursInPeriod(plan.period), fullChance: plan.fullChance };
  const lines = extraLines(plan, rng.chance(0.3));

  const drafted = usageItems(rng, window, lines.usage);
  if (lines.overage) {
    const gib = rng.int(50, 3000);
    drafted.push(flatItem(window, OVERAGE_PRODUCT, `Outbound data transfer overage (${gib} GiB)`, gib));
  }
  if (lines.tax) {
    const taxCents = divideRounded(sumCents(drafted) * TAX_BASIS_POINTS, 10_000);
    drafted.push(flatItem(window, TAX_PRODUCT, 'STATE SALES TAX (6.25%)', taxCents));
  }
  if (lines.credit) {
    const total = sumCents(drafted);
    const creditCents = plan.credit === 'full' ? total : Math.min(total, rng.int(5, 50) * 100);
    drafted.push(flatItem(window, CREDIT_PRODUCT, rng.pick(CREDIT_DESCRIPTIONS), -creditCents));
  }
  return {
    ...id,
    amount: formatCents(sumCents(drafted)),
    items: drafted.map((d) => d.item),
    issued_at: isoSeconds(issuedAt),
  };
}

/**
 * The month in progress: usage only (taxes and credits are applied when the month closes).
 * `itemsUpTo` drafts its items up to `updated_at` (the fleet's, so they agree with the
 * insights); without it they are drawn at random like a closed invoice's.
 */
export function buildPreview(seed: string, now: Date, itemsUpTo?: (updatedAt: Date) => InvoiceItem[]): InvoicePreview {
  const rng = new Rng(seed);
  const period = periodOf(now);
  const id = identity(rng, period);
  const elapsedHours = Math.floor((now.getTime() - periodStart(period).getTime()) / 3_600_000);
  const window: UsageWindow = { period, hours: Math.max(1, elapsedHours), fullChance: 0.8 };
  const updatedAt = addHours(periodStart(period), window.hours);
  const items = itemsUpTo ? itemsUpTo(updatedAt) : usageItems(rng, window, rng.int(5, 60)).map((d) => d.item);
  return {
    ...id,
    amount: formatCents(items.reduce((sum, item) => sum + parseCents(item.amount), 0)),
    updated_at: isoSeconds(updatedAt),
    items,
  };
}

/** Splits `target` over `weights` in proportion, exactly (largest remainder method). */
export function apportion(weights: readonly number[], target: number): number[] {
  const total = BigInt(weights.reduce((sum, w) => sum + w, 0));
  if (total === 0n) {
    return weights.map(() => 0);
  }
  const exact = weights.map((w) => BigInt(w) * BigInt(target));
  const shares = exact.map((e) => e / total);
  const remainders = exact.map((e, i) => ({ i, rest: e % total }));
  remainders.sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest < b.rest ? 1 : -1));
  const left = target - shares.reduce((sum, s) => sum + Number(s), 0);
  remainders.slice(0, left).forEach(({ i }) => { shares[i] += 1n; });
  return shares.map(Number);
}

/**
 * The generated preview with a new month-to-date amount; its items are rescaled so they still
 * sum to it (a negative amount becomes zero usage plus a credit line).
 */
export function withPreviewAmount(generated: InvoicePreview, amount: string): InvoicePreview {
  const target = parseCents(amount);
  const shares = apportion(generated.items.map((item) => parseCents(item.amount)), Math.max(0, target));
  const items = generated.items.map((item, i) => ({ ...item, amount: formatCents(shares[i]) }));
  if (target < 0) {
    items.push({
      product: CREDIT_PRODUCT, group_description: '', description: 'Account credit', amount: formatCents(target),
      duration: '', duration_unit: '', start_time: items[0].start_time, end_time: generated.updated_at, project_name: '',
    });
  }
  return { ...generated, amount: formatCents(target), items };
}
