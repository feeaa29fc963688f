import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { daysFrom } from '../../../src/api/days';
import { InsightsDataPoint } from '../../../src/api/types';
import { ledgerOf, recordAlerts, unseenAlerts } from '../../../src/insights/alertLedger';
import {
  Alert, alertSettings, AlertSettings, DEFAULT_ALERT_SETTINGS, evaluateAlerts, forecastAlert, jumpAlerts, newChargeAlerts,
} from '../../../src/insights/alerts';
import { alertMessage, alertsNotification } from '../../../src/insights/alertText';
import { RunRateForecast } from '../../../src/insights/forecast';
import { dailySpend, InsightsData } from '../../../src/insights/spend';
import { l10n } from '../../../src/util/l10n';
import { centsToDecimal } from '../../../src/util/money';
import { point } from '../insightsPoints';

/** Two days: `previous` cents, then `current` cents. */
function twoDays(previous: number, current: number) {
  const data: InsightsData = {
    range: { start: '2026-11-01', end: '2026-11-02' },
    dataPoints: [point('2026-11-01', centsToDecimal(BigInt(previous))), point('2026-11-02', centsToDecimal(BigInt(current)))],
    missingDays: [],
  };
  return dailySpend(data);
}

const settings = (over: Partial<AlertSettings> = {}): AlertSettings => ({ ...DEFAULT_ALERT_SETTINGS, ...over });
const jumps = (previous: number, current: number, over: Partial<AlertSettings> = {}) => jumpAlerts(twoDays(previous, current), settings(over));

function forecastOf(cents: bigint, month = '2026-11'): RunRateForecast {
  return {
    month, cents, daysLeft: 10,
    monthToDate: { month, cents: 0n, through: 0 },
    average: { cents: 0n, sumCents: 0n, days: 7, from: '2026-11-13', to: '2026-11-19' },
  };
}

describe('alerts on what changed', () => {
  describe('day-over-day jump', () => {
    it('fires just above 25 %, not at it nor just below (a $10 day, a rise well over $1)', () => {
      assert.strictEqual(jumps(1000, 1249).length, 0, '24.9 %');
      assert.strictEqual(jumps(1000, 1250).length, 0, 'exactly 25 %');
      const [alert] = jumps(1000, 1251);
      assert.deepStrictEqual(alert, { kind: 'jump', key: 'jump:2026-11-02', day: '2026-11-02', cents: 1251n, previousCents: 1000n, permille: 251n });
    });

    it('fires just above the minimum amount, not at it nor just below (a rise well over 25 %)', () => {
      assert.strictEqual(jumps(300, 399).length, 0, '$0.99 more');
      assert.strictEqual(jumps(300, 400).length, 0, 'exactly $1.00 more');
      assert.strictEqual(jumps(300, 401).length, 1, '$1.01 more');
      assert.strictEqual(jumps(1, 80).length, 0, 'a cent-level wobble, however many percent');
    });

    it('takes other thresholds, and none when jumpPercent is 0', () => {
      assert.strictEqual(jumps(1000, 1500, { jumpPercent: 50 }).length, 0, 'at 50 %');
      assert.strictEqual(jumps(1000, 1501, { jumpPercent: 50 }).length, 1);
      assert.strictEqual(jumps(1000, 5000, { jumpPercent: 0 }).length, 0, 'off');
      assert.strictEqual(jumps(100, 102, { minimumCents: 0n }).length, 0, '2 %');
      assert.strictEqual(jumps(100, 126, { minimumCents: 0n }).length, 1, '26 %, any rise above $0');
    });

    it('counts a rise from nothing as above any percentage, and a fall as no jump', () => {
      const [alert] = jumps(0, 500);
      assert.strictEqual(alert.permille, undefined);
      assert.strictEqual(jumps(5000, 100).length, 0);
    });

    it('compares only two known days: never across a missing day or into the days without data', () => {
      const data: InsightsData = {
        range: { start: '2026-11-01', end: '2026-11-04' },
        dataPoints: [point('2026-11-01', '1.00'), point('2026-11-03', '90.00'), point('2026-11-04', '95.00')],
        missingDays: ['2026-11-02'],
      };
      assert.deepStrictEqual(jumpAlerts(dailySpend(data), DEFAULT_ALERT_SETTINGS), []);
      const young = dailySpend({ ...data, missingDays: [], dataPoints: [point('2026-11-02', '50.00')], beforeData: { start: '2026-11-01', end: '2026-11-01' } });
      assert.deepStrictEqual(jumpAlerts(young, DEFAULT_ALERT_SETTINGS), []);
    });
  });

  describe('first appearance', () => {
    const range = { start: '2026-11-01', end: '2026-11-05' };
    const steady = daysFrom(range.start, range.end).map((day) => point(day, '1.00', '1-DO-DROP-0109', { description: 'web-01' }));
    const alertsOf = (extra: InsightsDataPoint[], missingDays: string[] = []) => {
      const data: InsightsData = { range, dataPoints: [...steady, ...extra], missingDays };
      return newChargeAlerts(data, dailySpend(data));
    };

    it('names a SKU that bills for the first time mid-range, with its product and what it billed that day', () => {
      const alerts = alertsOf([
        point('2026-11-03', '1.50', '1-DO-GENAI-0001', { description: 'support-bot agent', region: 'tor1' }),
        point('2026-11-04', '1.50', '1-DO-GENAI-0001', { description: 'support-bot agent', region: 'tor1' }),
      ]);
      assert.deepStrictEqual(alerts, [{
        kind: 'newCharge', key: 'new-sku:1-DO-GENAI-0001:2026-11-03', day: '2026-11-03', subject: 'sku', sku: '1-DO-GENAI-0001',
        product: '1-DO-GENAI-0001', description: 'support-bot agent', groupDescription: '', cents: 150n,
      }]);
    });

    it('names a new resource of a SKU seen before, but not again beside its new SKU', () => {
      const alerts = alertsOf([
        point('2026-11-02', '1.00', '1-DO-DROP-0109', { description: 'web-02' }),
        point('2026-11-04', '2.00', '1-DO-DROP-0113', { description: 'api-01' }),
      ]);
      assert.deepStrictEqual(alerts.map((alert) => [alert.subject, alert.day, alert.description, alert.product]), [
        ['resource', '2026-11-02', 'web-02', 'Droplets'],
        ['sku', '2026-11-04', 'api-01', 'Droplets'],
      ]);
    });

    it('is silent for what is there from the first day, for zero amounts, and where a missing day could hide it', () => {
      assert.deepStrictEqual(alertsOf([point('2026-11-01', '3.00', '1-DO-DBAAS-0101')]), [], 'there from the start');
      assert.deepStrictEqual(alertsOf([point('2026-11-03', '0.00', '1-DO-BW-0001')]), [], 'a zero amount bills nothing');
      assert.deepStrictEqual(alertsOf([point('2026-11-04', '3.00', '1-DO-BW-0001')], ['2026-11-02']), [], 'it may have billed on the missing day');
      assert.strictEqual(alertsOf([point('2026-11-04', 'abc', '1-DO-BW-0001')]).length, 1, 'an unreadable amount still bills');
    });
  });

  describe('forecast above last month\'s invoice', () => {
    const invoice = { amount: '100.00', period: '2026-10' };

    it('fires just above 15 % more, not at it nor just below', () => {
      assert.strictEqual(forecastAlert(forecastOf(11_499n), invoice, DEFAULT_ALERT_SETTINGS), undefined);
      assert.strictEqual(forecastAlert(forecastOf(11_500n), invoice, DEFAULT_ALERT_SETTINGS), undefined, 'exactly 15 %');
      assert.deepStrictEqual(forecastAlert(forecastOf(11_501n), invoice, DEFAULT_ALERT_SETTINGS), {
        kind: 'forecast', key: 'forecast:2026-11', month: '2026-11', forecastCents: 11_501n, invoiceCents: 10_000n, invoicePeriod: '2026-10', permille: 150n,
      });
    });

    it('is off at 0 %, and silent against an invoice of nothing or one that cannot be read', () => {
      assert.strictEqual(forecastAlert(forecastOf(90_000n), invoice, settings({ forecastPercent: 0 })), undefined);
      assert.strictEqual(forecastAlert(forecastOf(90_000n), { amount: '0.00', period: '2026-10' }, DEFAULT_ALERT_SETTINGS), undefined);
      assert.strictEqual(forecastAlert(forecastOf(90_000n), { amount: '-5.00', period: '2026-10' }, DEFAULT_ALERT_SETTINGS), undefined);
      assert.strictEqual(forecastAlert(forecastOf(90_000n), { amount: '', period: '2026-10' }, DEFAULT_ALERT_SETTINGS), undefined);
      assert.ok(forecastAlert(forecastOf(10_101n), invoice, settings({ forecastPercent: 1 })), 'at 1 %: 1.01 % more');
    });
  });

  describe('settings', () => {
    it('reads the settings, taking the default for what is not a number >= 0', () => {
      assert.deepStrictEqual(alertSettings({}), DEFAULT_ALERT_SETTINGS);
      assert.deepStrictEqual(alertSettings({ anomalyJumpPercent: 0, anomalyMinimumAmount: 2.5, forecastWarningPercent: 40 }), { jumpPercent: 0, minimumCents: 250n, forecastPercent: 40 });
      assert.deepStrictEqual(alertSettings({ anomalyJumpPercent: -3, anomalyMinimumAmount: 'lots', forecastWarningPercent: NaN }), DEFAULT_ALERT_SETTINGS);
      assert.strictEqual(alertSettings({ anomalyMinimumAmount: 0 }).minimumCents, 0n);
      assert.strictEqual(alertSettings({ anomalyMinimumAmount: 0.1 + 0.2 }).minimumCents, 30n, '0.30000000000000004 dollars');
      assert.strictEqual(alertSettings({ anomalyJumpPercent: 25.9 }).jumpPercent, 25);
    });
  });

  describe('all of them, and each once per account and occasion', () => {
    const range = { start: '2026-11-01', end: '2026-11-10' };
    const dataPoints = [
      ...daysFrom(range.start, range.end).map((day) => point(day, day === '2026-11-06' ? '40.00' : '10.00')),
      point('2026-11-08', '1.00', '1-DO-GENAI-0001'),
    ];
    const data: InsightsData = { range, dataPoints, missingDays: [] };
    const daily = dailySpend(data);
    const all = evaluateAlerts({ data, daily, settings: DEFAULT_ALERT_SETTINGS, forecast: forecastOf(20_000n), lastInvoice: { amount: '100.00', period: '2026-10' } });

    it('lists the day alerts in day order, then the forecast\'s', () => {
      assert.deepStrictEqual(all.map((alert) => alert.key), ['jump:2026-11-06', 'new-sku:1-DO-GENAI-0001:2026-11-08', 'forecast:2026-11']);
      const recent = evaluateAlerts({ data, daily, settings: DEFAULT_ALERT_SETTINGS, forecast: forecastOf(20_000n), lastInvoice: { amount: '100.00', period: '2026-10' }, since: '2026-11-07' });
      assert.deepStrictEqual(recent.map((alert) => alert.key), ['new-sku:1-DO-GENAI-0001:2026-11-08', 'forecast:2026-11']);
    });

    it('gives the same keys for the same occasions on the next fetch, so a ledger shows each once', () => {
      let ledger = recordAlerts({}, unseenAlerts(all, {}), '2026-11-10');
      assert.deepStrictEqual(Object.keys(ledger).sort(), all.map((alert) => alert.key).sort());
      // The next day: a longer range, the same occasions and one new jump.
      const next: InsightsData = { ...data, range: { start: '2026-11-01', end: '2026-11-11' }, dataPoints: [...dataPoints, point('2026-11-11', '30.00')] };
      const again = evaluateAlerts({ data: next, daily: dailySpend(next), settings: DEFAULT_ALERT_SETTINGS, forecast: forecastOf(20_001n), lastInvoice: { amount: '100.00', period: '2026-10' } });
      const fresh = unseenAlerts(again, ledger);
      assert.deepStrictEqual(fresh.map((alert) => alert.key), ['jump:2026-11-11']);
      ledger = recordAlerts(ledger, fresh, '2026-11-11');
      assert.deepStrictEqual(unseenAlerts(again, ledger), []);
    });

    it('leaves out the kinds turned off, and a key twice in one list', () => {
      assert.deepStrictEqual(unseenAlerts([...all, all[0]], {}, new Set(['newCharge'])).map((alert) => alert.kind), ['jump', 'forecast']);
    });

    it('forgets keys after the retention, and reads a stored ledger defensively', () => {
      const ledger = recordAlerts({ 'jump:2026-01-01': '2026-01-01', 'jump:2026-10-01': '2026-10-01' }, [], '2026-11-10', 60);
      assert.deepStrictEqual(ledger, { 'jump:2026-10-01': '2026-10-01' });
      assert.deepStrictEqual(ledgerOf({ a: '2026-11-01', b: 3, c: null }), { a: '2026-11-01' });
      assert.deepStrictEqual(ledgerOf('junk'), {});
      assert.deepStrictEqual(ledgerOf(['jump:x']), {});
      assert.deepStrictEqual(recordAlerts({}, [all[0], all[0]], '2026-11-10'), { 'jump:2026-11-06': '2026-11-10' });
    });

    it('says what happened in one sentence each, and several in one notification', () => {
      const [jump, sku, forecast] = all as [Alert, Alert, Alert];
      assert.strictEqual(alertMessage(jump, 'en'), 'Spend on Nov 6, 2026 rose 300% to $40.00, from $10.00 the day before.');
      assert.strictEqual(alertMessage(sku, 'en'), 'New on Nov 8, 2026: 1-DO-GENAI-0001 for 1-DO-GENAI-0001 resource, $1.00 that day.');
      const droplet = newChargeAlerts({ ...data, dataPoints: [...dataPoints, point('2026-11-09', '2.00', '1-DO-DROP-0113', { description: 'api-01' })] }, daily)
        .find((alert) => alert.sku === '1-DO-DROP-0113');
      assert.strictEqual(droplet && alertMessage(droplet, 'en'), 'New on Nov 9, 2026: Droplets (1-DO-DROP-0113) for api-01, $2.00 that day.');
      assert.strictEqual(alertMessage(forecast, 'en'), 'November 2026 is heading for $200.00 at the current run rate, 100% more than the invoice for October 2026 ($100.00).');
      assert.strictEqual(alertsNotification([], 'en'), undefined);
      assert.strictEqual(alertsNotification([jump], 'en'), alertMessage(jump, 'en'));
      assert.strictEqual(alertsNotification(all, 'en'), `3 changes in your DigitalOcean spend. ${alertMessage(jump, 'en')} (and 2 more)`);
      const fromNothing = jumps(0, 500)[0];
      assert.strictEqual(alertMessage(fromNothing, 'en'), 'Spend on Nov 2, 2026 rose to $5.00, from nothing the day before.');
      const withResource: InsightsData = {
        range: { start: '2026-11-01', end: '2026-11-02' }, missingDays: [],
        dataPoints: [point('2026-11-01', '1.00'), point('2026-11-02', '2.00', '1-DO-DROP-0109', { description: 'web-09' })],
      };
      const [resource] = newChargeAlerts(withResource, dailySpend(withResource));
      assert.strictEqual(alertMessage(resource, 'en'), 'New resource on Nov 2, 2026: web-09 (Droplets), $2.00 that day.');
    });

    it('speaks German with the German bundle, dates, money and percentages too', () => {
      const german = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
      l10n.setBundle(german);
      try {
        assert.strictEqual(alertMessage(all[0], 'de'), 'Die Ausgaben am 06.11.2026 stiegen um 300\u00a0% auf 40,00\u00a0$, von 10,00\u00a0$ am Vortag.');
        assert.strictEqual(alertMessage(all[2], 'de'), 'November 2026 steuert beim aktuellen Verbrauch auf 200,00\u00a0$ zu, 100\u00a0% mehr als die Rechnung für Oktober 2026 (100,00\u00a0$).');
      } finally {
        l10n.setBundle(undefined);
      }
    });
  });
});
