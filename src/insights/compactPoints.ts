import { InsightsDataPoint } from '../api/types';

/**
 * Daily data points as the cache keeps them: each distinct resource (SKU, region, description,
 * group, team) once, and per point only its day, resource and amount. globalState sends an
 * extension's whole state with every write, so 31 days of a fleet must stay small: about a
 * fifth of the points as they came.
 */
export interface CompactPoints {
  readonly resources: readonly (readonly [sku: string, region: string, description: string, groupDescription: string, usageTeamUrn: string])[];
  readonly days: readonly string[];
  /** [index in days, index in resources, amount] */
  readonly points: readonly (readonly [number, number, string])[];
}

export function compactPoints(points: readonly InsightsDataPoint[]): CompactPoints {
  const resources: [string, string, string, string, string][] = [];
  const resourceIndex = new Map<string, number>();
  const days: string[] = [];
  const dayIndex = new Map<string, number>();
  const indexOf = <K>(map: Map<K, number>, key: K, add: () => void): number => {
    let index = map.get(key);
    if (index === undefined) {
      index = map.size;
      map.set(key, index);
      add();
    }
    return index;
  };
  const compact = points.map((point): [number, number, string] => {
    const resource: [string, string, string, string, string] = [point.sku, point.region, point.description, point.groupDescription, point.usageTeamUrn];
    const r = indexOf(resourceIndex, JSON.stringify(resource), () => resources.push(resource));
    const d = indexOf(dayIndex, point.day, () => days.push(point.day));
    return [d, r, point.amount];
  });
  return { resources, days, points: compact };
}

/** The points back, in their order; undefined when what was read is not a CompactPoints. */
export function expandPoints(stored: unknown): InsightsDataPoint[] | undefined {
  const value = stored as Partial<CompactPoints> | undefined;
  if (!value || !Array.isArray(value.resources) || !Array.isArray(value.days) || !Array.isArray(value.points)) {
    return undefined;
  }
  const { resources, days } = value as CompactPoints;
  const expanded: InsightsDataPoint[] = [];
  for (const entry of value.points) {
    const [d, r, amount] = Array.isArray(entry) ? entry : [];
    const resource = typeof r === 'number' ? resources[r] : undefined;
    const day = typeof d === 'number' ? days[d] : undefined;
    if (!resource || typeof day !== 'string' || typeof amount !== 'string') {
      return undefined;
    }
    const [sku, region, description, groupDescription, usageTeamUrn] = resource;
    expanded.push({ day, amount, region, sku, description, groupDescription, usageTeamUrn });
  }
  return expanded;
}
