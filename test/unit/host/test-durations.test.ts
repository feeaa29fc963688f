import * as assert from 'assert';
import * as fs from 'fs';
import Mocha from 'mocha';
import * as os from 'os';
import * as path from 'path';
import { DURATIONS_FILE_ENV, formatSlowest, readDurations, recordDurations, slowest, STAGE_ENV } from '../../host/test-durations';

describe('test durations', () => {
  let dir: string;
  const saved = { file: process.env[DURATIONS_FILE_ENV], stage: process.env[STAGE_ENV] };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doinvoices-durations-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const [name, value] of [[DURATIONS_FILE_ENV, saved.file], [STAGE_ENV, saved.stage]] as const) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
  });

  it('records every passed and failed test of a mocha run, not its hooks', async () => {
    const file = path.join(dir, 'durations.jsonl');
    process.env[DURATIONS_FILE_ENV] = file;
    process.env[STAGE_ENV] = 'unit tests';
    const mocha = new Mocha({ reporter: Mocha.reporters.Base });
    const suite = Mocha.Suite.create(mocha.suite, 'outer');
    suite.addTest(new Mocha.Test('passes', () => undefined));
    suite.addTest(new Mocha.Test('fails', () => assert.fail('on purpose')));
    const inner = Mocha.Suite.create(suite, 'inner');
    inner.afterAll('a hook that fails', () => assert.fail('on purpose'));
    inner.addTest(new Mocha.Test('also passes', () => undefined));
    await new Promise<void>((resolve) => recordDurations(mocha.run(() => resolve())));

    const recorded = readDurations(file);
    assert.deepStrictEqual(recorded.map((entry) => entry.title).sort(), ['outer fails', 'outer inner also passes', 'outer passes']);
    assert.ok(recorded.every((entry) => entry.stage === 'unit tests' && typeof entry.ms === 'number'));
  });

  it('appends nothing when no file is named', async () => {
    delete process.env[DURATIONS_FILE_ENV];
    const mocha = new Mocha({ reporter: Mocha.reporters.Base });
    mocha.suite.addTest(new Mocha.Test('passes', () => undefined));
    await new Promise<void>((resolve) => recordDurations(mocha.run(() => resolve())));
    assert.deepStrictEqual(fs.readdirSync(dir), []);
  });

  it('names the slowest first, skipping lines that are not durations', () => {
    const file = path.join(dir, 'durations.jsonl');
    const entry = (title: string, ms: number) => JSON.stringify({ stage: 'UI tests', title, file: 'test/ui/a.test.ts', ms });
    fs.writeFileSync(file, [entry('a', 1200), 'not json', entry('b', 31_000), '{"title":"no ms"}', entry('c', 5), ''].join('\n'));
    const top = slowest(readDurations(file), 2);
    assert.deepStrictEqual(top.map((item) => item.title), ['b', 'a']);
    assert.deepStrictEqual(formatSlowest(top), ['    31.0 s  UI tests: b (test/ui/a.test.ts)', '     1.2 s  UI tests: a (test/ui/a.test.ts)']);
  });

  it('reads a missing file as no durations', () => {
    assert.deepStrictEqual(readDurations(path.join(dir, 'missing.jsonl')), []);
  });
});
