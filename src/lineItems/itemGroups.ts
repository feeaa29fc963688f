import { InvoiceItem } from '../api/types';
import { parseCents } from '../util/money';

export interface ProductGroup {
  /** The product as sent; '' for items without one. */
  readonly product: string;
  readonly count: number;
  /** Exact sum of the items' amounts that could be read. */
  readonly subtotalCents: bigint;
  /** How many items have an amount that is not a decimal number (left out of the subtotal). */
  readonly unparseableCount: number;
  readonly items: readonly InvoiceItem[];
}

export interface GroupedItems {
  /** Largest absolute subtotal first; equal ones by product name. */
  readonly groups: readonly ProductGroup[];
  /** Exact sum of every readable amount: the invoice total when all items are loaded. */
  readonly totalCents: bigint;
  readonly itemCount: number;
  readonly unparseableCount: number;
}

const abs = (value: bigint) => (value < 0n ? -value : value);

/** Groups items by product, largest amount first within each group; amounts are summed exactly. */
export function groupByProduct(items: readonly InvoiceItem[]): GroupedItems {
  const byProduct = new Map<string, { items: InvoiceItem[]; cents: bigint; unparseable: number }>();
  let totalCents = 0n;
  let unparseableCount = 0;
  for (const item of items) {
    let group = byProduct.get(item.product);
    if (!group) {
      group = { items: [], cents: 0n, unparseable: 0 };
      byProduct.set(item.product, group);
    }
    group.items.push(item);
    const cents = parseCents(item.amount);
    if (cents === undefined) {
      group.unparseable++;
      unparseableCount++;
    } else {
      group.cents += cents;
      totalCents += cents;
    }
  }
  const groups: ProductGroup[] = [...byProduct].map(([product, group]) => ({
    product,
    count: group.items.length,
    subtotalCents: group.cents,
    unparseableCount: group.unparseable,
    items: largestFirst(group.items),
  }));
  groups.sort((a, b) => {
    const difference = abs(b.subtotalCents) - abs(a.subtotalCents);
    return difference !== 0n ? (difference > 0n ? 1 : -1) : a.product.localeCompare(b.product, 'en');
  });
  return { groups, totalCents, itemCount: items.length, unparseableCount };
}

/**
 * Largest absolute amount first (a credit of -$50 before one of -$10), to the cent; equal
 * amounts keep the API's order, amounts that cannot be read come last.
 */
function largestFirst(items: readonly InvoiceItem[]): InvoiceItem[] {
  const cents = new Map(items.map((item) => [item, parseCents(item.amount)]));
  return [...items].sort((a, b) => {
    const x = cents.get(a);
    const y = cents.get(b);
    if (x === undefined || y === undefined) {
      return (x === undefined ? 1 : 0) - (y === undefined ? 1 : 0);
    }
    const difference = abs(y) - abs(x);
    return difference === 0n ? 0 : difference > 0n ? 1 : -1;
  });
}
