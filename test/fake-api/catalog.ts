// The products that appear on invoices, and how one line item of each is drafted.
import { divideRounded, formatCents } from './money';
import { addHours, isoSeconds, Period, periodStart } from './periods';
import { Rng } from './random';

/** One invoice line item, exactly as the API serialises it. */
export interface InvoiceItem {
  product: string;
  resource_uuid?: string;
  resource_id?: string;
  group_description: string;
  description: string;
  amount: string;
  duration: string;
  duration_unit: string;
  start_time: string;
  end_time: string;
  project_name: string;
}

/** Where a line item lands in the invoice summary. */
export type ChargeCategory = 'usage' | 'overage' | 'tax' | 'credit';

export const TAX_PRODUCT = 'Taxes';
export const CREDIT_PRODUCT = 'Credits';
export const OVERAGE_PRODUCT = 'Bandwidth';

export function categoryOf(product: string): ChargeCategory {
  switch (product) {
    case TAX_PRODUCT: return 'tax';
    case CREDIT_PRODUCT: return 'credit';
    case OVERAGE_PRODUCT: return 'overage';
    default: return 'usage';
  }
}

const PLATFORM_PRODUCTS = new Set(['Kubernetes Clusters', 'Managed Databases', 'App Platform', 'Container Registry']);

/** The `category` column of the invoice CSV. */
export function csvCategoryOf(product: string): string {
  return PLATFORM_PRODUCTS.has(product) ? 'paas' : 'iaas';
}

/** DigitalOcean bills by the hour up to a monthly cap of 672 hours. */
export const HOURS_CAP = 672;

const PROJECTS = ['web', 'api-backend', 'data-pipeline', 'staging', 'Default'];
const REGIONS = ['nyc3', 'sfo3', 'ams3', 'fra1', 'sgp1', 'lon1', 'tor1', 'blr1', 'syd1'];
const HOSTS = ['web', 'api', 'worker', 'cache', 'ci-runner', 'bastion', 'vpn', 'search', 'mail', 'queue'];
const CLUSTERS = ['prod-doks-cluster', 'staging-doks', 'ml-training'];
const APPS = ['storefront', 'docs-site', 'webhooks', 'admin-panel'];
const DB_ENGINES = ['postgresql', 'mysql', 'redis', 'mongodb'];

type Sized = readonly [slug: string, monthlyCents: number];
const DROPLET_SIZES: readonly Sized[] = [
  ['s-1vcpu-512mb-10gb', 400], ['s-1vcpu-1gb', 600], ['s-1vcpu-2gb', 1200], ['s-2vcpu-2gb', 1800],
  ['s-2vcpu-4gb', 2400], ['s-4vcpu-8gb', 4800], ['c-2', 4200], ['g-2vcpu-8gb', 6300],
  ['m-2vcpu-16gb', 8400], ['so-2vcpu-16gb', 13100],
];
const DB_SIZES: readonly Sized[] = [
  ['db-s-1vcpu-1gb', 1500], ['db-s-1vcpu-2gb', 3000], ['db-s-2vcpu-4gb', 6000], ['db-s-4vcpu-8gb', 12000],
];
const APP_TIERS: readonly Sized[] = [
  ['basic-xxs', 500], ['basic-xs', 1000], ['professional-xs', 1200], ['professional-s', 2500],
];
const REGISTRY_TIERS: readonly Sized[] = [['Basic', 500], ['Professional', 2000]];

/** What varies between products; duration and amount are worked out the same way for all. */
interface Draft {
  product: string;
  description: string;
  monthlyCents: number;
  group?: string;
  resource: 'both' | 'uuid' | 'id' | 'none';
}

interface ProductKind {
  weight: number;
  draft(rng: Rng, period: Period): Draft;
}

const host = (rng: Rng) => `${rng.pick(HOSTS)}-${String(rng.int(1, 12)).padStart(2, '0')}`;

const USAGE_PRODUCTS: readonly ProductKind[] = [
  {
    weight: 30,
    draft: (rng) => {
      const [size, monthlyCents] = rng.pick(DROPLET_SIZES);
      return { product: 'Droplets', description: `${host(rng)} (${size})`, monthlyCents, resource: 'both' };
    },
  },
  {
    weight: 12,
    draft: (rng) => {
      const [size, monthlyCents] = rng.pick(DROPLET_SIZES.slice(1, 6));
      const cluster = rng.pick(CLUSTERS);
      return {
        product: 'Kubernetes Clusters', description: `${cluster}-pool-${rng.hex(5)} (${size})`,
        group: cluster, monthlyCents, resource: 'uuid',
      };
    },
  },
  {
    weight: 6,
    draft: (rng) => {
      const [size, monthlyCents] = rng.pick(DB_SIZES);
      const cluster = `db-${rng.pick(DB_ENGINES)}-${rng.pick(REGIONS)}-${rng.int(10000, 99999)}`;
      return {
        product: 'Managed Databases', description: `${cluster} (${size})`, group: cluster, monthlyCents,
        resource: 'uuid',
      };
    },
  },
  {
    weight: 5,
    draft: (rng) => ({
      product: 'Load Balancers', description: `lb-${rng.pick(PROJECTS).toLowerCase()} (${rng.pick(REGIONS)})`,
      monthlyCents: 1200, resource: 'uuid',
    }),
  },
  {
    weight: 8,
    draft: (rng) => {
      const gib = rng.pick([10, 25, 50, 100, 250, 500]);
      return {
        product: 'Volumes', description: `volume-${rng.pick(REGIONS)}-${String(rng.int(1, 20)).padStart(2, '0')} (${gib} GiB)`,
        monthlyCents: gib * 10, resource: 'uuid',
      };
    },
  },
  {
    weight: 3,
    draft: (rng, period) => {
      // Floating IPs were renamed Reserved IPs in June 2022.
      const kind = period.year * 100 + period.month < 202206 ? 'Floating' : 'Reserved';
      return {
        product: `${kind} IPs`, description: `Unused ${kind} IP - 203.0.113.${rng.int(2, 254)}`,
        monthlyCents: 400, resource: 'none',
      };
    },
  },
  {
    weight: 5,
    draft: (rng) => {
      const tenthsGib = rng.int(15, 800);
      return {
        product: 'Snapshots', description: `${host(rng)}-${rng.int(1_500_000_000, 1_750_000_000)} (${tenthsGib / 10} GiB)`,
        monthlyCents: Math.max(1, divideRounded(tenthsGib * 6, 10)), resource: 'id',
      };
    },
  },
  {
    weight: 4,
    draft: (rng) => {
      const [size, dropletCents] = rng.pick(DROPLET_SIZES);
      return {
        product: 'Backups', description: `${host(rng)} backups (${size})`,
        monthlyCents: divideRounded(dropletCents, 5), resource: 'both',
      };
    },
  },
  {
    weight: 4,
    draft: (rng) => {
      const [tier, monthlyCents] = rng.pick(APP_TIERS);
      return { product: 'App Platform', description: `${rng.pick(APPS)} (${tier})`, monthlyCents, resource: 'uuid' };
    },
  },
  {
    weight: 1,
    draft: (rng) => {
      const [tier, monthlyCents] = rng.pick(REGISTRY_TIERS);
      return { product: 'Container Registry', description: `Container Registry (${tier})`, monthlyCents, resource: 'none' };
    },
  },
  {
    weight: 1,
    draft: () => ({
      product: 'Spaces Subscription', description: 'Spaces ($5/mo 250GB storage & 1TB bandwidth)',
      monthlyCents: 500, resource: 'none',
    }),
  },
];

/** The stretch of time line items may cover: a whole month, or the part of it elapsed so far. */
export interface UsageWindow {
  period: Period;
  hours: number;
  /** Probability that a resource ran for the whole window. */
  fullChance: number;
}

export interface DraftedItem {
  item: InvoiceItem;
  cents: number;
}

function span(window: UsageWindow, startHour: number, hours: number) {
  const start = addHours(periodStart(window.period), startHour);
  return { start_time: isoSeconds(start), end_time: isoSeconds(addHours(start, hours)) };
}

export function usageItem(rng: Rng, window: UsageWindow): DraftedItem {
  const draft = rng.weighted(USAGE_PRODUCTS, (kind) => kind.weight).draft(rng, window.period);
  const hours = rng.chance(window.fullChance) ? window.hours : rng.int(1, window.hours);
  const startHour = rng.int(0, window.hours - hours);
  const cents = Math.max(1, divideRounded(Math.min(hours, HOURS_CAP) * draft.monthlyCents, HOURS_CAP));
  const hasUuid = draft.resource === 'both' || draft.resource === 'uuid';
  const hasId = draft.resource === 'both' || draft.resource === 'id';
  const item: InvoiceItem = {
    product: draft.product,
    ...(hasUuid ? { resource_uuid: rng.uuid() } : {}),
    ...(hasId ? { resource_id: String(rng.int(100_000_000, 499_999_999)) } : {}),
    group_description: draft.group ?? '',
    description: draft.description,
    amount: formatCents(cents),
    duration: String(hours),
    duration_unit: 'Hours',
    ...span(window, startHour, hours),
    project_name: rng.pick(PROJECTS),
  };
  return { item, cents };
}

/** A whole-window charge without a duration: taxes, credits and overages. */
export function flatItem(window: UsageWindow, product: string, description: string, cents: number): DraftedItem {
  const timed = product === OVERAGE_PRODUCT;
  return {
    cents,
    item: {
      product,
      group_description: '',
      description,
      amount: formatCents(cents),
      duration: timed ? String(window.hours) : '',
      duration_unit: timed ? 'Hours' : '',
      ...span(window, 0, window.hours),
      project_name: '',
    },
  };
}

export const CREDIT_DESCRIPTIONS = [
  'Promotional credit (SAMMY100)', 'Referral credit', 'Service level credit', 'Startup program credit',
];
