// The resources the account runs, day by day: the source of the billing insights and of the
// month in progress (the invoice preview), so the two agree. Dated relative to `now`, so every
// run has the same story in its last 90 days: steady spend across products, regions and
// projects, a resource stopped, two started (one of a new SKU family mid-way through the last
// 30 days), and a one-day spike of bandwidth.

/** Days since 1970-01-01 (UTC). */
export type DayNumber = number;

export const DAY_MS = 86_400_000;

export interface FleetResource {
  /** DigitalOcean-style SKU: <n>-<vendor>-<family>-<code>. */
  readonly sku: string;
  /** The product name invoice items carry. */
  readonly product: string;
  /** '' for a service DigitalOcean bills without a region. */
  readonly region: string;
  readonly description: string;
  readonly group: string;
  readonly project: string;
  /** The monthly price; a one-off charge's whole amount. */
  readonly monthlyCents: number;
  /** First day it ran; undefined: since before anything generated. */
  readonly from?: DayNumber;
  /** Last day it ran (included); undefined: still running. */
  readonly until?: DayNumber;
  /** Charged once, on `from`, instead of by the day. */
  readonly oneOff?: boolean;
  readonly resourceUuid?: string;
  readonly resourceId?: string;
}

/** Days before today of the events every fleet has. */
export const FLEET_EVENTS = {
  /** The bandwidth overage: one day's spend jumps well over 25 %. */
  spikeDaysAgo: 9,
  /** The first day of the SKU of a family the extension does not know (GenAI). */
  newSkuDaysAgo: 16,
  /** A large Droplet of a new size starts. */
  startedDaysAgo: 45,
  /** The staging Droplet runs from this day... */
  stagingFromDaysAgo: 200,
  /** ...to this one. */
  stagingUntilDaysAgo: 60,
} as const;

export const NEW_FAMILY_SKU = '1-DO-GENAI-0001';
export const SPIKE_SKU = '1-DO-BW-0001';

type Base = Omit<FleetResource, 'from' | 'until' | 'oneOff' | 'resourceUuid' | 'resourceId'>;

const droplet = (sku: string, name: string, size: string, monthlyCents: number, region: string, project: string): Base => ({
  sku, product: 'Droplets', region, description: `${name} (${size})`, group: '', project, monthlyCents,
});

/** Always running. Prices as DigitalOcean lists them per month. */
const STEADY: readonly Base[] = [
  droplet('1-DO-DROP-0109', 'web-01', 's-2vcpu-4gb', 2400, 'nyc3', 'web'),
  droplet('1-DO-DROP-0109', 'web-02', 's-2vcpu-4gb', 2400, 'nyc3', 'web'),
  droplet('1-DO-DROP-0113', 'api-01', 's-4vcpu-8gb', 4800, 'fra1', 'api-backend'),
  droplet('1-DO-DROP-0202', 'worker-01', 'c-2', 4200, 'fra1', 'data-pipeline'),
  droplet('1-DO-DROP-0102', 'bastion-01', 's-1vcpu-1gb', 600, 'nyc3', 'Default'),
  droplet('1-DO-DROP-0106', 'ci-runner-01', 's-2vcpu-2gb', 1800, 'sfo3', 'staging'),
  {
    sku: '1-KS-K8SWN-00109', product: 'Kubernetes Clusters', region: 'nyc3', description: '3 nodes - 4 GB / 2 vCPU / 80 GB SSD',
    group: 'prod-doks-cluster', project: 'web', monthlyCents: 7200,
  },
  {
    sku: '1-KS-K8SHA-0001', product: 'Kubernetes Clusters', region: 'nyc3', description: 'High availability control plane',
    group: 'prod-doks-cluster', project: 'web', monthlyCents: 4000,
  },
  {
    sku: '1-DO-DBAAS-0204', product: 'Managed Databases', region: 'nyc3', description: 'db-postgresql-nyc3-41205 (db-s-2vcpu-4gb)',
    group: 'db-postgresql-nyc3-41205', project: 'api-backend', monthlyCents: 6000,
  },
  {
    sku: '1-DO-DBAAS-0101', product: 'Managed Databases', region: 'fra1', description: 'db-redis-fra1-77310 (db-s-1vcpu-1gb)',
    group: 'db-redis-fra1-77310', project: 'data-pipeline', monthlyCents: 1500,
  },
  { sku: '1-DO-LBAAS-0001', product: 'Load Balancers', region: 'nyc3', description: 'lb-web (nyc3)', group: '', project: 'web', monthlyCents: 1200 },
  { sku: '1-DO-BLOCK-0100', product: 'Volumes', region: 'fra1', description: 'volume-fra1-01 (100 GiB)', group: '', project: 'data-pipeline', monthlyCents: 1000 },
  { sku: '1-DO-BLOCK-0250', product: 'Volumes', region: 'nyc3', description: 'volume-nyc3-02 (250 GiB)', group: '', project: 'web', monthlyCents: 2500 },
  { sku: '1-DO-SNAP-0001', product: 'Snapshots', region: 'fra1', description: 'api-01-1733011200 (10 GiB)', group: '', project: 'api-backend', monthlyCents: 60 },
  { sku: '1-DO-BKUP-0001', product: 'Backups', region: 'nyc3', description: 'web-01 backups (s-2vcpu-4gb)', group: '', project: 'web', monthlyCents: 480 },
  { sku: '1-DO-APPS-0012', product: 'App Platform', region: 'ams3', description: 'storefront (professional-xs)', group: '', project: 'web', monthlyCents: 1200 },
  { sku: '1-DO-DOCR-0001', product: 'Container Registry', region: '', description: 'Container Registry (Basic)', group: '', project: 'Default', monthlyCents: 500 },
  { sku: '1-DO-SPACES-0001', product: 'Spaces Subscription', region: 'nyc3', description: 'Spaces ($5/mo 250GB storage & 1TB bandwidth)', group: '', project: 'Default', monthlyCents: 500 },
  { sku: '1-DO-RIP-0001', product: 'Reserved IPs', region: 'sgp1', description: 'Unused Reserved IP - 203.0.113.24', group: '', project: 'Default', monthlyCents: 500 },
];

export function buildFleet(today: DayNumber, rng: { uuid(): string; int(min: number, max: number): number }): FleetResource[] {
  const ago = (days: number) => today - days;
  const resources: FleetResource[] = [
    ...STEADY,
    { ...droplet('1-DO-DROP-0105', 'staging-01', 's-1vcpu-2gb', 1200, 'sfo3', 'staging'), from: ago(FLEET_EVENTS.stagingFromDaysAgo), until: ago(FLEET_EVENTS.stagingUntilDaysAgo) },
    { ...droplet('1-DO-DROP-0301', 'search-01', 'm-2vcpu-16gb', 8400, 'ams3', 'api-backend'), from: ago(FLEET_EVENTS.startedDaysAgo) },
    {
      sku: NEW_FAMILY_SKU, product: 'GenAI Platform', region: 'tor1', description: 'support-bot agent', group: '', project: 'api-backend',
      monthlyCents: 4500, from: ago(FLEET_EVENTS.newSkuDaysAgo),
    },
    {
      sku: SPIKE_SKU, product: 'Bandwidth', region: 'nyc3', description: 'Outbound data transfer overage (2840 GiB)', group: '', project: '',
      monthlyCents: 2840, from: ago(FLEET_EVENTS.spikeDaysAgo), until: ago(FLEET_EVENTS.spikeDaysAgo), oneOff: true,
    },
  ];
  // Identities drawn in a fixed order, so they stay the same whatever `today` is.
  return resources.map((resource) => ({
    ...resource,
    ...(resource.oneOff ? {} : { resourceUuid: rng.uuid() }),
    ...(resource.product === 'Droplets' ? { resourceId: String(rng.int(100_000_000, 499_999_999)) } : {}),
  }));
}

export function dayNumberOf(date: Date): DayNumber {
  return Math.floor(date.getTime() / DAY_MS);
}

export function dayText(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function runsOn(resource: FleetResource, day: DayNumber): boolean {
  return (resource.from === undefined || day >= resource.from) && (resource.until === undefined || day <= resource.until);
}

/**
 * The cents of one day: the monthly price spread over the month's days exactly (day k of D
 * gets floor(M(k+1)/D) - floor(Mk/D)), so a whole month adds up to the price.
 */
export function centsOn(resource: FleetResource, day: DayNumber): number {
  if (!runsOn(resource, day)) {
    return 0;
  }
  if (resource.oneOff) {
    return resource.monthlyCents;
  }
  const date = new Date(day * DAY_MS);
  const daysInMonth = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  const index = date.getUTCDate() - 1;
  const share = (k: number) => Math.floor((resource.monthlyCents * k) / daysInMonth);
  return share(index + 1) - share(index);
}
