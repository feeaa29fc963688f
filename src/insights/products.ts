import { l10n } from '../util/l10n';

/**
 * Billing insights name SKUs, not products. A DigitalOcean SKU reads
 * `<n>-<vendor>-<family>-<code>`: `1-DO-DROP-0109` is a Droplet size, `1-KS-K8SWN-00109` a
 * Kubernetes worker node (the two spelled in DigitalOcean's API reference). Its family — the
 * segments between the leading number and the final code — says the product:
 *
 * | family        | product            |
 * | ------------- | ------------------ |
 * | `KS-*`        | Kubernetes         |
 * | `DO-DROP`     | Droplets           |
 * | `DO-DBAAS`    | Managed Databases  |
 * | `DO-LBAAS`    | Load Balancers     |
 * | `DO-BLOCK`    | Volumes            |
 * | `DO-SNAP`     | Snapshots          |
 * | `DO-BKUP`     | Backups            |
 * | `DO-APPS`     | App Platform       |
 * | `DO-DOCR`     | Container Registry |
 * | `DO-SPACES`   | Spaces             |
 * | `DO-RIP`, `DO-FIP` | Reserved IPs  |
 * | `DO-BW`       | Bandwidth          |
 *
 * The rows after the first two follow the same naming and are this project's reading of it.
 * A SKU of any other family (or one not written this way) is its own product, shown under
 * the SKU itself: never hidden, never lumped into "other". Product names are DigitalOcean's
 * and are not translated, like the product names of invoice items.
 */
export const SKU_FAMILIES: ReadonlyArray<{ readonly family: string; readonly product: string }> = [
  { family: 'KS', product: 'Kubernetes' },
  { family: 'DO-DROP', product: 'Droplets' },
  { family: 'DO-DBAAS', product: 'Managed Databases' },
  { family: 'DO-LBAAS', product: 'Load Balancers' },
  { family: 'DO-BLOCK', product: 'Volumes' },
  { family: 'DO-SNAP', product: 'Snapshots' },
  { family: 'DO-BKUP', product: 'Backups' },
  { family: 'DO-APPS', product: 'App Platform' },
  { family: 'DO-DOCR', product: 'Container Registry' },
  { family: 'DO-SPACES', product: 'Spaces' },
  { family: 'DO-RIP', product: 'Reserved IPs' },
  { family: 'DO-FIP', product: 'Reserved IPs' },
  { family: 'DO-BW', product: 'Bandwidth' },
];

export interface Product {
  /** Stable: `product:<name>` for a family in the table, `sku:<SKU>` for any other. */
  readonly key: string;
  /** What to show: the product's name, or the SKU itself. */
  readonly name: string;
  readonly known: boolean;
}

/** The family segments of a SKU ('1-DO-DROP-0109' → ['DO', 'DROP']); undefined when it is not written that way. */
export function skuFamily(sku: string): string[] | undefined {
  const segments = sku.trim().toUpperCase().split('-');
  if (segments.length < 3 || !/^\d+$/.test(segments[0]) || !/\d/.test(segments[segments.length - 1])) {
    return undefined;
  }
  const family = segments.slice(1, -1);
  return family.every((segment) => /^[A-Z0-9]+$/.test(segment)) ? family : undefined;
}

const FAMILY_SEGMENTS = SKU_FAMILIES.map((row) => ({ ...row, segments: row.family.split('-') }));
const cache = new Map<string, Product>();

/** The product a SKU bills for; a family that is not in the table stands for itself, under its SKU. */
export function productOf(sku: string): Product {
  let product = cache.get(sku);
  if (!product) {
    product = lookUp(sku);
    if (cache.size < 10_000) {
      cache.set(sku, product);
    }
  }
  return product;
}

function lookUp(sku: string): Product {
  const family = skuFamily(sku);
  // The longest family that the SKU's family starts with.
  const row = family && FAMILY_SEGMENTS
    .filter((candidate) => candidate.segments.every((segment, index) => family[index] === segment))
    .sort((a, b) => b.segments.length - a.segments.length)[0];
  if (row) {
    return { key: `product:${row.product}`, name: row.product, known: true };
  }
  const shown = sku.trim();
  return { key: `sku:${shown}`, name: shown || l10n.t('(no SKU)'), known: false };
}
