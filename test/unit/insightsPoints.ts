import { InsightsDataPoint } from '../../src/api/types';

/** A data point of a Droplet in nyc3 unless told otherwise. */
export function point(day: string, amount: string, sku = '1-DO-DROP-0109', more: Partial<InsightsDataPoint> = {}): InsightsDataPoint {
  return { day, amount, sku, region: 'nyc3', description: `${sku} resource`, groupDescription: '', usageTeamUrn: 'do:team:x', ...more };
}
