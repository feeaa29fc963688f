import { InvoiceItem } from '../api/types';
import { l10n } from '../util/l10n';
import { parseCents } from '../util/money';

/** What line items can be grouped by: the `groupLineItemsBy` setting and the breakdown tool's `groupBy`. */
export const GROUP_BY = ['product', 'project'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

const GROUP_KEYS: Record<GroupBy, (item: InvoiceItem) => string> = {
  product: (item) => item.product,
  project: (item) => item.projectName,
};

export interface ItemGroup {
  /** The product or project as sent; '' for items without one. */
  readonly key: string;
  readonly count: number;
  /** Exact sum of the items' amounts that could be read. */
  readonly subtotalCents: bigint;
  /** How many items have an amount that is not a decimal number (left out of the subtotal). */
  readonly unparseableCount: number;
  readonly items: readonly InvoiceItem[];
}

export interface GroupedItems {
  readonly by: GroupBy;
  /** Largest absolute subtotal first; equal ones by key. */
  readonly groups: readonly ItemGroup[];
  /** Exact sum of every readable amount: the invoice total when all items are loaded. */
  readonly totalCents: bigint;
  readonly itemCount: number;
  readonly unparseableCount: number;
}

const abs = (value: bigint) => (value < 0n ? -value : value);

/** Groups items by their product or project, largest amount first within each group; amounts are summed exactly. */
export function groupLineItems(items: readonly InvoiceItem[], by: GroupBy): GroupedItems {
  const keyOf = GROUP_KEYS[by];
  const byKey = new Map<string, { items: InvoiceItem[]; cents: bigint; unparseable: number }>();
  let totalCents = 0n;
  let unparseableCount = 0;
  for (const item of items) {
    const key = keyOf(item);
    let group = byKey.get(key);
    if (!group) {
      group = { items: [], cents: 0n, unparseable: 0 };
      byKey.set(key, group);
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
  const groups: ItemGroup[] = [...byKey].map(([key, group]) => ({
    key,
    count: group.items.length,
    subtotalCents: group.cents,
    unparseableCount: group.unparseable,
    items: largestFirst(group.items),
  }));
  groups.sort((a, b) => {
    const difference = abs(b.subtotalCents) - abs(a.subtotalCents);
    return difference !== 0n ? (difference > 0n ? 1 : -1) : a.key.localeCompare(b.key, 'en');
  });
  return { by, groups, totalCents, itemCount: items.length, unparseableCount };
}

/** A group's name as shown: its product or project, "(no product)" / "(no project)" for items without one. */
export function groupName(key: string, by: GroupBy): string {
  return key || (by === 'product' ? l10n.t('(no product)') : l10n.t('(no project)'));
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
