import * as assert from 'assert';
import {
  checkDateRange, checkDays, checkGroupBy, checkInvoiceRef, checkMonthRange, Checked, dayNumber, MAX_HISTORY_DAYS, MAX_MONTHS, monthOf,
} from '../../../src/agentTools/toolInput';
import { DAILY_GROUP_BY } from '../../../src/agentTools/dailySpendTool';

function value<T>(check: Checked<T>): T {
  assert.ok(check.ok, check.ok ? '' : check.message);
  return check.value;
}

function message(check: Checked<unknown>): string {
  assert.ok(!check.ok, `expected a refusal, got ${JSON.stringify(check)}`);
  return check.message;
}

describe('tool input: months', () => {
  const current = '2024-05';

  it('defaults to the latest 12 months up to the month in progress', () => {
    assert.deepStrictEqual(value(checkMonthRange(undefined, current)), { from: '2023-06', to: '2024-05' });
    assert.deepStrictEqual(value(checkMonthRange({}, current)), { from: '2023-06', to: '2024-05' });
    assert.deepStrictEqual(value(checkMonthRange({ fromMonth: '', toMonth: null }, current)), { from: '2023-06', to: '2024-05' });
  });

  it('takes 12 months from or up to a single bound, never past the month in progress', () => {
    assert.deepStrictEqual(value(checkMonthRange({ toMonth: '2020-02' }, current)), { from: '2019-03', to: '2020-02' });
    assert.deepStrictEqual(value(checkMonthRange({ fromMonth: '2020-02' }, current)), { from: '2020-02', to: '2021-01' });
    assert.deepStrictEqual(value(checkMonthRange({ fromMonth: '2024-01' }, current)), { from: '2024-01', to: '2024-05' });
    assert.deepStrictEqual(value(checkMonthRange({ fromMonth: '2024-05' }, current)), { from: '2024-05', to: '2024-05' });
  });

  it('accepts one month and the longest range, across year ends', () => {
    assert.deepStrictEqual(value(checkMonthRange({ fromMonth: '2023-12', toMonth: '2023-12' }, current)), { from: '2023-12', to: '2023-12' });
    assert.deepStrictEqual(value(checkMonthRange({ fromMonth: '2019-06', toMonth: '2024-05' }, current)), { from: '2019-06', to: '2024-05' });
    assert.deepStrictEqual(value(checkMonthRange({ fromMonth: ' 2023-11 ', toMonth: '2024-02' }, current)), { from: '2023-11', to: '2024-02' });
  });

  it('refuses a range one month over the limit, naming the limit', () => {
    const refused = message(checkMonthRange({ fromMonth: '2019-05', toMonth: '2024-05' }, current));
    assert.match(refused, new RegExp(`covers ${MAX_MONTHS + 1} months; ask for at most ${MAX_MONTHS} months`));
  });

  it('refuses fromMonth after toMonth', () => {
    assert.match(message(checkMonthRange({ fromMonth: '2024-02', toMonth: '2024-01' }, current)), /fromMonth 2024-02 comes after toMonth 2024-01/);
  });

  it('refuses a fromMonth after the month in progress when no toMonth is given', () => {
    assert.match(message(checkMonthRange({ fromMonth: '2024-06' }, current)), /fromMonth 2024-06 is after the month in progress \(2024-05\)/);
  });

  it('refuses months that are not YYYY-MM, naming each bad field', () => {
    for (const bad of ['2024-13', '2024-00', '2024-5', '24-05', 'May 2024', '2024-05-01', 202405, true, {}]) {
      assert.match(message(checkMonthRange({ fromMonth: bad }, current)), /fromMonth must be a month written as YYYY-MM/, JSON.stringify(bad));
    }
    const both = message(checkMonthRange({ fromMonth: 'x', toMonth: 'y' }, current));
    assert.match(both, /fromMonth .*"x".* toMonth .*"y"/);
  });

  it('reads the month in progress in UTC', () => {
    assert.strictEqual(monthOf(Date.UTC(2024, 0, 31, 23, 59)), '2024-01');
    assert.strictEqual(monthOf(Date.UTC(2024, 1, 1, 0, 0)), '2024-02');
  });
});

describe('tool input: invoice and groupBy', () => {
  it('knows "current", months, uuids and invoice numbers', () => {
    assert.deepStrictEqual(value(checkInvoiceRef({ invoice: 'current' })), { kind: 'current' });
    assert.deepStrictEqual(value(checkInvoiceRef({ invoice: ' Current ' })), { kind: 'current' });
    assert.deepStrictEqual(value(checkInvoiceRef({ invoice: '2024-03' })), { kind: 'period', period: '2024-03' });
    const uuid = '22737513-0EA7-4206-8ceb-98a575af7681';
    assert.deepStrictEqual(value(checkInvoiceRef({ invoice: uuid })), { kind: 'uuid', uuid });
    assert.deepStrictEqual(value(checkInvoiceRef({ invoice: '8123456' })), { kind: 'id', id: '8123456' });
    assert.deepStrictEqual(value(checkInvoiceRef({ invoice: 8123456 })), { kind: 'id', id: '8123456' });
  });

  it('requires the invoice and refuses what names none', () => {
    for (const missing of [undefined, {}, { invoice: '' }, { invoice: '   ' }, { invoice: null }]) {
      assert.match(message(checkInvoiceRef(missing)), /invoice is required/);
    }
    for (const bad of ['2024-13', 'last month', '22737513-0ea7-4206-8ceb', 'preview', 1.5]) {
      assert.match(message(checkInvoiceRef({ invoice: bad })), /invoice must be "current", a month as YYYY-MM/, JSON.stringify(bad));
    }
  });

  it('takes groupBy from the allowed values, the first by default', () => {
    const allowed = ['product', 'project'] as const;
    assert.strictEqual(value(checkGroupBy({}, allowed)), 'product');
    assert.strictEqual(value(checkGroupBy({ groupBy: 'project' }, allowed)), 'project');
    assert.strictEqual(value(checkGroupBy({ groupBy: ' Project ' }, allowed)), 'project');
    assert.match(message(checkGroupBy({ groupBy: 'region' }, allowed)), /groupBy must be one of "product", "project", not "region"/);
    assert.match(message(checkGroupBy({ groupBy: 1 }, allowed)), /groupBy must be one of/);
  });
});

describe('tool input: days of daily spend', () => {
  it('takes 1 to 90 days, 30 by default', () => {
    assert.strictEqual(value(checkDays({})), 30);
    assert.strictEqual(value(checkDays({ days: null })), 30);
    assert.strictEqual(value(checkDays({ days: 1 })), 1);
    assert.strictEqual(value(checkDays({ days: 90 })), 90);
    assert.strictEqual(value(checkDays({ days: ' 7 ' })), 7, 'digits in a string');
    assert.strictEqual(message(checkDays({ days: 0 })), 'days must be a whole number from 1 to 90, not 0.');
    assert.strictEqual(message(checkDays({ days: 91 })), 'days must be a whole number from 1 to 90, not 91.');
    for (const days of [-1, 7.5, '91', '1e1', 'a week', true, [7]]) {
      assert.match(message(checkDays({ days })), /^days must be a whole number from 1 to 90, not /, JSON.stringify(days));
    }
  });

  it('groups by product (the default) or region', () => {
    assert.strictEqual(value(checkGroupBy({}, DAILY_GROUP_BY)), 'product');
    assert.strictEqual(value(checkGroupBy({ groupBy: 'Region' }, DAILY_GROUP_BY)), 'region');
    assert.match(message(checkGroupBy({ groupBy: 'project' }, DAILY_GROUP_BY)), /groupBy must be one of "product", "region", not "project"/);
  });
});

describe('tool input: dates', () => {
  const today = '2024-05-20';

  it('reads real calendar dates only', () => {
    assert.strictEqual(dayNumber('1970-01-02'), 1);
    assert.ok(dayNumber('2024-02-29') !== undefined, 'a leap day');
    for (const bad of ['2023-02-29', '2024-02-30', '2024-04-31', '2024-13-01', '2024-00-10', '2024-5-1', '20240501']) {
      assert.strictEqual(dayNumber(bad), undefined, bad);
    }
  });

  it('defaults to the latest 365 days up to today', () => {
    assert.deepStrictEqual(value(checkDateRange({}, today)), { from: '2023-05-22', to: '2024-05-20' });
    assert.deepStrictEqual(value(checkDateRange({ toDate: '2024-01-31' }, today)), { from: '2023-02-01', to: '2024-01-31' });
    assert.deepStrictEqual(value(checkDateRange({ fromDate: '2024-05-01' }, today)), { from: '2024-05-01', to: '2024-05-20' });
    assert.deepStrictEqual(value(checkDateRange({ fromDate: '2020-01-01' }, today)), { from: '2020-01-01', to: '2020-12-30' });
  });

  it('accepts one day and any two calendar years, refuses a day more', () => {
    assert.deepStrictEqual(value(checkDateRange({ fromDate: '2024-05-20', toDate: '2024-05-20' }, today)), { from: '2024-05-20', to: '2024-05-20' });
    assert.deepStrictEqual(value(checkDateRange({ fromDate: '2023-01-01', toDate: '2024-12-31' }, today)), { from: '2023-01-01', to: '2024-12-31' });
    const refused = message(checkDateRange({ fromDate: '2022-12-31', toDate: '2024-12-31' }, today));
    assert.match(refused, new RegExp(`covers ${MAX_HISTORY_DAYS + 1} days; ask for at most ${MAX_HISTORY_DAYS} days`));
  });

  it('refuses fromDate after toDate, and after today without a toDate', () => {
    assert.match(message(checkDateRange({ fromDate: '2024-03-02', toDate: '2024-03-01' }, today)), /fromDate 2024-03-02 comes after toDate 2024-03-01/);
    assert.match(message(checkDateRange({ fromDate: '2024-05-21' }, today)), /fromDate 2024-05-21 is after today \(2024-05-20\)/);
  });

  it('refuses dates that are not YYYY-MM-DD or do not exist', () => {
    for (const bad of ['2024-02-30', 'yesterday', '2024-05', '05/01/2024', 20240501]) {
      assert.match(message(checkDateRange({ toDate: bad }, today)), /toDate must be a date written as YYYY-MM-DD/, JSON.stringify(bad));
    }
  });
});
