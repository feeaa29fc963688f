import * as assert from 'assert';
import { isMissed, ms, Row, tableLines, timing, verdictLines } from '../../bench/report';
import { everyOrder, interleaved, pairedRatios, spread } from '../../bench/samples';

describe('bench: samples and report', () => {
  it('takes min, median and max; the median of an even count is the mean of the middle two', () => {
    assert.deepStrictEqual(spread([30, 10, 20]), { min: 10, median: 20, max: 30, count: 3 });
    assert.deepStrictEqual(spread([40, 10, 30, 20]), { min: 10, median: 25, max: 40, count: 4 });
    assert.throws(() => spread([]), /no samples/);
  });

  it('runs the variants in turn, the order turning each round, and drops the warm-up round', async () => {
    const order: string[] = [];
    let clock = 0;
    const variant = (name: string, cost: number) => async () => {
      order.push(name);
      clock += cost;
    };
    const samples = await interleaved(3, [variant('a', 1), variant('b', 5), variant('c', 9)], () => clock);
    assert.deepStrictEqual(order.join(''), 'abc' + 'bca' + 'cab' + 'abc');
    assert.deepStrictEqual(samples, [[1, 1, 1], [5, 5, 5], [9, 9, 9]]);
  });

  it('gives every order once, so that none comes first more often', () => {
    const orders = everyOrder(['a', 'b', 'c']);
    assert.deepStrictEqual(orders.map((order) => order.join('')), ['abc', 'acb', 'bac', 'bca', 'cab', 'cba']);
    for (const item of ['a', 'b', 'c']) {
      assert.deepStrictEqual([0, 1, 2].map((at) => orders.filter((order) => order[at] === item).length), [2, 2, 2]);
    }
  });

  it('divides within each pairing, never across, and skips a pairing that misses one', () => {
    const samples = [
      { pair: 1, of: 'real', value: 6 }, { pair: 1, of: 'empty', value: 4 },
      { pair: 2, of: 'real', value: 30 }, { pair: 2, of: 'empty', value: 20 },
      { pair: 3, of: 'real', value: 5 }, { pair: 3, of: 'empty', value: 5 },
      { pair: 4, of: 'real', value: 100 },
    ];
    // The ratio of the medians would be 6 / 5 = 1.2; within each window it is 1.5, 1.5 and 1.
    assert.deepStrictEqual(pairedRatios(samples, 'real', 'empty'), { min: 1, median: 1.5, max: 1.5, count: 3 });
  });

  it('times only between start() and stop() when a run uses its clock', async () => {
    let clock = 0;
    const [samples] = await interleaved(2, [async (run) => {
      clock += 100; // set-up, not timed
      run.start();
      clock += 7;
      run.stop();
      clock += 50; // tear-down, not timed
    }], () => clock);
    assert.deepStrictEqual(samples, [7, 7]);
  });

  it('shows a timing as its median with min and max, in the digits that matter', () => {
    assert.strictEqual(timing({ min: 104.2, median: 110.4, max: 131.9, count: 11 }), '110 ms [104–132]');
    assert.strictEqual(timing({ min: 2.71, median: 3.14, max: 6.02, count: 15 }), '3.1 ms [2.7–6.0]');
    assert.strictEqual(ms(0.0042), '0.004 ms');
  });

  it('judges a row by its ratio of medians against its target; a figure not measured misses', () => {
    const rows: Row[] = [
      { figure: 'met', value: '1', limit: '1', ratio: 1.3, target: 1.3 },
      { figure: 'info', value: '9', limit: '1', ratio: 9 },
      { figure: 'slow', value: '50 ms [46–54]', limit: '30 ms [26–33]', ratio: 1.67, target: 1.3 },
      { figure: 'broken', value: '—', limit: '—', target: 1, error: 'the server is not installed' },
    ];
    assert.deepStrictEqual(rows.map(isMissed), [false, false, true, true]);
    assert.deepStrictEqual(verdictLines(rows), [
      'Target missed: slow: 1.67× > 1.3× (50 ms [46–54] against 30 ms [26–33])',
      'Not measured: broken: the server is not installed',
    ]);
    assert.deepStrictEqual(verdictLines(rows.slice(0, 2)), ['Every target met.']);
    const table = tableLines(rows);
    assert.strictEqual(table.length, 2 + rows.length);
    assert.deepStrictEqual(table.slice(2).map((line) => line.split('|')[5].trim()), ['yes (≤ 1.3×)', '(info)', 'NO (> 1.3×)', 'NOT MEASURED']);
  });
});
