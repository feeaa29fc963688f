import { InvoiceItem } from '../api/types';
import { groupByProduct } from '../lineItems/itemGroups';
import { l10n } from '../util/l10n';

export const GROUP_BY = ['product', 'project'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface ItemGroup {
  /** The product or project as shown: "(no product)" / "(no project)" for items without one. */
  readonly name: string;
  readonly count: number;
  /** Exact sum of the readable amounts. */
  readonly subtotalCents: bigint;
}

export interface ItemGroups {
  /** Largest absolute subtotal first, as the view orders its product groups. */
  readonly groups: readonly ItemGroup[];
  readonly totalCents: bigint;
  readonly itemCount: number;
  readonly unparseableCount: number;
}

/**
 * An invoice's items by product (as the view groups them) or by project. Grouping by project
 * is the view's grouping applied to the items' project names, so both sum and order alike.
 */
export function groupLineItems(items: readonly InvoiceItem[], by: GroupBy): ItemGroups {
  const grouped = groupByProduct(by === 'product' ? items : items.map((item) => ({ ...item, product: item.projectName })));
  const unnamed = by === 'product' ? l10n.t('(no product)') : l10n.t('(no project)');
  return {
    groups: grouped.groups.map((group) => ({ name: group.product || unnamed, count: group.count, subtotalCents: group.subtotalCents })),
    totalCents: grouped.totalCents,
    itemCount: grouped.itemCount,
    unparseableCount: grouped.unparseableCount,
  };
}
