// `npm run bench`: the figures of issue 6 against the fake API (in its own process, with a
// fixed latency per request), the bundle and .vsix sizes, and activation in the real extension
// host (installing the VS Code server first when it is missing). Prints one table: value,
// limit, ratio, target met; every timing is the median [min–max] of interleaved runs. Exits 1
// when a median misses its target or a figure could not be measured, and says which. Not part
// of `npm test`.
//
// The load-all and line-items targets compare the extension with the plainest client fetching
// the same pages on the ideal schedule, measured in the same rounds: on a machine that other
// programs keep busy no client reaches the latency limits (pages × latency), and a target
// against them measured the machine (1.10× in one run, 1.29× in the next, the raw client
// slowing alike). The latency limits stay in the table, for information.
//   DOI_BENCH_LATENCY_MS (default 50, see LATENCY_MS) · DOI_BENCH_RUNS (timed rounds per figure,
//   default 11) · DOI_BENCH_ACTIVATION_RUNS (windows, default 24) · DOI_BENCH_SKIP_ACTIVATION=1
import { ChildProcess, execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { DigitalOceanClient } from '../../src/api/client';
import { dayOf } from '../../src/api/days';
import { ApiHttp } from '../../src/api/http';
import { BalanceState } from '../../src/balance/balanceState';
import { fetchInsights, INSIGHTS_PER_PAGE, MAX_PARALLEL_REQUESTS } from '../../src/insights/fetchInsights';
import { lastDays } from '../../src/insights/windows';
import { createInvoiceList } from '../../src/invoices/invoiceList';
import { loadLineItems } from '../../src/lineItems/lineItemsLoader';
import { Logger } from '../../src/util/logger';
import { Redactor } from '../../src/util/redact';
import { FAKE_TOKEN } from '../fake-api/auth';
import type { RecordedRequest } from '../fake-api/server';
import { projectRoot } from '../host/paths';
import { memoryStore, recordingSink } from '../support/clientHarness';
import { makeSession } from '../support/sessionHarness';
import type { ActivationSample } from './activation';
import { contributions, DEFAULT_ACTIVATION_ROUNDS, writeEmptyExtension } from './activation';
import { EMPTY_ID, FLOOR_ID, REAL_ID } from './probeResult';
import { isMissed, ms, Row, tableLines, timing, verdictLines } from './report';
import { interleaved, pairedRatios, Spread, spread } from './samples';

// Every exchange over loopback costs this machine 1.5-2.5 ms besides the injected latency (the
// bare http.get rows show it): at 20 ms that alone is up to 1.19x the limits, and the figures
// flip around the 1.2x targets from run to run; at 50 ms they are stable. A real API is
// further away still.
const LATENCY_MS = Number(process.env.DOI_BENCH_LATENCY_MS) || 50;
const RUNS = Number(process.env.DOI_BENCH_RUNS) || 11;
const ACTIVATION_ROUNDS = Number(process.env.DOI_BENCH_ACTIVATION_RUNS) || DEFAULT_ACTIVATION_ROUNDS;
const ACCOUNT_INVOICES = 300;
const LARGE_INVOICE_ITEMS = 10_000;
const ITEMS_PER_PAGE = 200;
const PARALLEL_PAGES = 4;
const ACTIVATION_TARGET = 1.3;
const INVOICES = '/v2/customers/my/invoices';
const BALANCE = '/v2/customers/my/balance';
/**
 * Issue 10's bundle target, node-fetch in it: what VS Code reads for the extension to start
 * and make its first request (the entry, the container with its chunks, node-fetch). The rest
 * of dist/ waits for a first use: a command, a panel, a tool call, an invoice expanded, the
 * day's first fetch of daily spend.
 */
const START_LIMIT_BYTES = 120 * 1024;

const rows: Row[] = [];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The fake API in a child process, so its work does not count against the client's time. */
async function startFake(): Promise<{ url: string; child: ChildProcess }> {
  const cli = path.join(projectRoot, 'out', 'test', 'fake-api', 'cli.js');
  const child = spawn(process.execPath, [cli, '--latency', String(LATENCY_MS), '--invoice-months', String(ACCOUNT_INVOICES), '--large-items', String(LARGE_INVOICE_ITEMS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the fake API exited (${code})`)));
    child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().split('\n')[0].trim()));
  });
  return { url, child };
}

function control(url: string, method: string, route: string): Promise<unknown> {
  return fetch(`${url}/__fake/${route}`, { method }).then((response) => response.json());
}

/** The invoices and the balance of a session whose token is set; nothing is fetched yet. */
function makeState(url: string, pageSize: number) {
  const logger = new Logger(recordingSink(), new Redactor());
  const client = new DigitalOceanClient(new ApiHttp({ baseUrl: () => url, userAgent: 'digitalocean-invoices-bench', logger }));
  const store = memoryStore();
  const { session, tokens } = makeSession(store, logger);
  tokens.set(session.state.account.id, FAKE_TOKEN);
  const environment = { session, store, logger, client, pageSize: () => pageSize };
  const state = createInvoiceList(environment);
  const balance = new BalanceState(environment);
  return {
    client,
    state,
    /** Reads the token, as at startup: the session's change starts the refresh of both. */
    signIn: () => session.sync(),
    /** The refresh on its way (or a new one): page 1 and the balance. */
    refresh: () => Promise.all([state.refresh(), balance.refresh()]),
    dispose: () => {
      state.dispose();
      balance.dispose();
      session.dispose();
    },
  };
}

async function benchRefresh(url: string): Promise<void> {
  const bench = makeState(url, 20);
  await control(url, 'DELETE', 'requests');
  await bench.signIn();
  await bench.refresh();
  const requests = (await control(url, 'GET', 'requests')) as RecordedRequest[];
  const list = requests.filter((request) => request.path === INVOICES);
  const balance = requests.filter((request) => request.path === BALANCE);
  const apart = list[0] && balance[0] ? Math.abs(list[0].at - balance[0].at) : Infinity;
  const parallel = apart < LATENCY_MS;
  rows.push({
    figure: 'refresh: requests (view + status bar)',
    value: `${list.length} list + ${balance.length} balance${parallel ? ', in parallel' : `, ${apart} ms apart`}`,
    limit: '1 list + 1 balance, in parallel',
    ratio: (list.length + balance.length) / 2 + (parallel ? 0 : 1),
    target: 1,
  });
  bench.dispose();
}

async function benchLoadAll(url: string): Promise<void> {
  const pages = Math.ceil(ACCOUNT_INVOICES / 200);
  let loaded = 0;
  const [extension, raw] = (await interleaved(RUNS, [
    async (clock) => {
      const bench = makeState(url, 200);
      const { state } = bench;
      clock.start();
      // As a user clicking "Load more" as soon as the list shows: page 2 does not wait for the
      // balance, which is fetched alongside page 1. The time includes the balance all the same.
      await bench.signIn();
      const refreshed = bench.refresh();
      do {
        await state.loadMore();
      } while (state.snapshot.next);
      loaded = state.snapshot.items.length;
      await refreshed;
      clock.stop();
      bench.dispose();
    },
    async () => {
      for (let page = 1; page <= pages; page++) {
        await rawGet(`${url}${INVOICES}?page=${page}&per_page=200`);
      }
    },
  ])).map(spread);
  const limit = pages * LATENCY_MS;
  rows.push({ figure: `load all ${loaded} invoices (per_page=200)`, value: timing(extension), limit: `${timing(raw)} (sequential http.get loop, same ${pages} pages)`, ratio: extension.median / raw.median, target: 1.2 });
  rows.push({ figure: 'load all vs the latency limit', value: timing(extension), limit: `${ms(limit)} (${pages} pages × latency)`, ratio: extension.median / limit });
}

/** rawGet over `urls`, at most `limit` at once. */
async function rawPool(urls: string[], limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      await rawGet(urls[next++]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, urls.length) }, worker));
}

/** The plainest client: http.get of each page in turn, body read and parsed. */
function rawGet(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { Authorization: `Bearer ${FAKE_TOKEN}`, Accept: 'application/json' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
        resolve();
      });
      response.on('error', reject);
    }).on('error', reject);
  });
}

async function benchLineItems(url: string): Promise<void> {
  const data = (await (await fetch(`${url}/__fake/data?items=false`)).json()) as { invoices: Array<{ invoice_uuid: string; itemCount: number }> };
  const large = data.invoices.find((invoice) => invoice.itemCount === LARGE_INVOICE_ITEMS);
  if (!large) {
    throw new Error('no invoice with 10,000 items');
  }
  const pages = Math.ceil(LARGE_INVOICE_ITEMS / ITEMS_PER_PAGE);
  const pageUrl = (page: number) => `${url}${INVOICES}/${large.invoice_uuid}?page=${page}&per_page=${ITEMS_PER_PAGE}`;
  const { client } = makeState(url, 20);
  let items = 0;
  const [extension, sequential, rawSameSchedule, rawIdeal] = (await interleaved(RUNS, [
    async () => {
      const result = await loadLineItems(large.invoice_uuid, { client, call: { token: FAKE_TOKEN } });
      items = result.items.length;
    },
    async () => {
      for (let page = 1; page <= pages; page++) {
        await rawGet(pageUrl(page));
      }
    },
    // The same schedule with the plainest client: page 1 (which tells the total), then 4 at a time.
    async () => {
      await rawGet(pageUrl(1));
      await rawPool(Array.from({ length: pages - 1 }, (_, index) => pageUrl(index + 2)), PARALLEL_PAGES);
    },
    // The ideal the issue's limit describes: every page 4 at a time, the count known beforehand.
    () => rawPool(Array.from({ length: pages }, (_, index) => pageUrl(index + 1)), PARALLEL_PAGES),
  ])).map(spread);
  const parallelLimit = (pages / PARALLEL_PAGES) * LATENCY_MS;
  const value = timing(extension);
  rows.push({ figure: `line items: ${items} in ${pages} pages`, value, limit: `${timing(sequential)} (sequential http.get loop)`, ratio: extension.median / sequential.median });
  rows.push({ figure: 'line items vs raw http.get, ideal', value, limit: `${timing(rawIdeal)} (${PARALLEL_PAGES} at a time from page 1)`, ratio: extension.median / rawIdeal.median, target: 1.2 });
  rows.push({ figure: 'line items vs raw http.get, same schedule', value, limit: `${timing(rawSameSchedule)} (page 1, then ${PARALLEL_PAGES} at a time)`, ratio: extension.median / rawSameSchedule.median });
  rows.push({ figure: 'line items vs the parallel limit', value, limit: `${ms(parallelLimit)} (${pages} pages ÷ ${PARALLEL_PAGES} × latency)`, ratio: extension.median / parallelLimit });
}

/** 90 days of billing insights: 3 windows (31 + 31 + 28 days) of several pages each. */
async function benchInsights(url: string): Promise<void> {
  const { client } = makeState(url, 20);
  const call = { token: FAKE_TOKEN };
  const team = (await client.getAccount(call)).team;
  if (!team) {
    throw new Error('the fake API named no team');
  }
  const range = lastDays(dayOf(Date.now() - 86_400_000), 90);
  const load = async () => {
    const result = await fetchInsights(team.urn, range, { client, call });
    if (!result.complete) {
      throw new Error(`insights incomplete: ${result.failed.map((failure) => failure.message).join('; ')}`);
    }
    return result;
  };
  const first = await load();
  const pageUrls = first.windows.flatMap((window) => {
    const count = Math.max(1, Math.ceil((first.loaded.get(window.start)?.length ?? 0) / INSIGHTS_PER_PAGE));
    return Array.from({ length: count }, (_, index) =>
      `${url}/v2/billing/${team.urn}/insights/${window.start}/${window.end}?per_page=${INSIGHTS_PER_PAGE}&page=${index + 1}`);
  });
  const [extension, rawIdeal] = (await interleaved(RUNS, [
    async () => {
      await load();
    },
    // The ideal the limit describes: every page known beforehand, 4 at a time.
    () => rawPool(pageUrls, MAX_PARALLEL_REQUESTS),
  ])).map(spread);
  const pages = pageUrls.length;
  // As for the line items: pages ÷ 4 × latency. Whole rounds are the least a client can do
  // (11 pages take 3 rounds, 1.09× this limit); the raw row shows the plainest client's.
  const parallelLimit = (pages / MAX_PARALLEL_REQUESTS) * LATENCY_MS;
  const value = timing(extension);
  // Against the plainest client in the same rounds, as for the line items: a busy machine slows both alike.
  rows.push({ figure: '90 days of insights vs raw http.get, ideal', value, limit: `${timing(rawIdeal)} (every page known, ${MAX_PARALLEL_REQUESTS} at a time)`, ratio: extension.median / rawIdeal.median, target: 1.2 });
  rows.push({
    figure: `90 days of insights (${first.windows.length} windows × pages) vs the parallel limit`, value,
    limit: `${ms(parallelLimit)} (${pages} pages ÷ ${MAX_PARALLEL_REQUESTS} × latency; ${first.dataPoints.length} data points)`,
    ratio: extension.median / parallelLimit,
  });
}

function packageVsix(dir: string, out: string): number {
  const vsce = path.join(projectRoot, 'node_modules', '.bin', 'vsce');
  execFileSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out], { cwd: dir, stdio: 'pipe' });
  return fs.statSync(out).size;
}

type Outputs = Record<string, { bytes: number; imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, { bytesInOutput: number }> }>;

function metafileOutputs(): Outputs {
  return (JSON.parse(fs.readFileSync(path.join(projectRoot, 'dist', 'meta.json'), 'utf8')) as { outputs: Outputs }).outputs;
}

/** The files of dist/ loaded with `file`, before any `import()` of theirs runs. */
function loadedWith(outputs: Outputs, file: string): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (!seen.has(name) && outputs[name]) {
      seen.add(name);
      outputs[name].imports.filter((imported) => imported.kind === 'import-statement' && !imported.external).forEach((imported) => visit(imported.path));
    }
  };
  visit(file);
  return seen;
}

/** The file of dist/ that holds node-fetch. */
function nodeFetchFile(outputs: Outputs): string {
  const file = Object.keys(outputs).find((name) => Object.keys(outputs[name].inputs).some((input) => input.endsWith('node_modules/node-fetch/src/index.js')));
  if (!file) {
    throw new Error('node-fetch is in no file of dist/ (see dist/meta.json)');
  }
  return file;
}

/**
 * The bundle as it is loaded: what starts the extension and makes its first request, of it
 * what activate() needs and node-fetch, and what waits for its first use; sizes of the files
 * as written (CommonJS).
 */
function benchBundle(): void {
  const outputs = metafileOutputs();
  const files = Object.keys(outputs).filter((file) => file.endsWith('.js'));
  const size = (list: Iterable<string>) => [...list].reduce((sum, file) => sum + fs.statSync(path.join(projectRoot, file)).size, 0);
  const entry = 'dist/extension.js';
  const fetchFile = nodeFetchFile(outputs);
  const atStart = new Set([entry, ...loadedWith(outputs, 'dist/container.js'), ...loadedWith(outputs, fetchFile)]);
  const onFirstUse = files.filter((file) => !atStart.has(file));
  const [start, total] = [size(atStart), size(files)];
  const ofStart = `${kb(start)} (at start)`;
  rows.push({
    figure: `bundle: loaded to start and make the first request (${atStart.size} files, node-fetch in it)`,
    value: kb(start), limit: kb(START_LIMIT_BYTES), ratio: start / START_LIMIT_BYTES, target: 1,
  });
  rows.push({ figure: 'bundle: of it, loaded by activate() (dist/extension.js)', value: kb(size([entry])), limit: ofStart, ratio: size([entry]) / start });
  rows.push({ figure: 'bundle: of it, node-fetch (loaded with the first request)', value: kb(size([fetchFile])), limit: ofStart, ratio: size([fetchFile]) / start });
  rows.push({ figure: `bundle: loaded on first use (${onFirstUse.length} files)`, value: kb(size(onFirstUse)), limit: `${kb(total)} (all of dist/)`, ratio: size(onFirstUse) / total });
  rows.push({ figure: `bundle: all of dist/ (minified, ${files.length} files)`, value: kb(total), limit: ofStart, ratio: total / start });
}

function benchSizes(): void {
  const run = spawnSync('npm', ['run', '--silent', 'package'], { cwd: projectRoot, stdio: 'pipe', encoding: 'utf8' });
  if (run.status !== 0) {
    throw new Error(`npm run package failed:\n${run.stdout}\n${run.stderr}`);
  }
  const vsix = fs.statSync(path.join(projectRoot, 'digitalocean-invoices.vsix')).size;
  const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doinvoices-empty-vsix-'));
  try {
    writeEmptyExtension(emptyDir);
    const empty = packageVsix(emptyDir, path.join(emptyDir, 'empty.vsix'));
    rows.push({ figure: '.vsix size', value: kb(vsix), limit: `${kb(empty)} (empty extension)`, ratio: vsix / empty });
  } finally {
    fs.rmSync(emptyDir, { recursive: true, force: true });
  }
}

function topContributors(count: number): string[] {
  const inputs = Object.values(metafileOutputs()).flatMap((output) => Object.entries(output.inputs));
  // Grouped by package (node_modules/<name>) or by source folder.
  const groups = new Map<string, number>();
  for (const [file, { bytesInOutput }] of inputs) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const key = match ? match[1] : path.dirname(file);
    groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
  }
  const total = [...groups.values()].reduce((sum, bytes) => sum + bytes, 0);
  return [...groups.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, bytes]) => `  ${kb(bytes).padStart(9)}  ${((bytes / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
}

const HOST_FIGURE = 'activate(): extension.activate() in the host, ÷ the empty one in the same window';
const MEDIANS_FIGURE = 'activate(): the same, as the ratio of the medians';
const FLOOR_FIGURE = "activate(): the floor, registering as many commands and tools, ÷ the empty one";
const AGAINST_FLOOR_FIGURE = 'activate(): this extension ÷ the floor in the same window';
const OWN_FIGURE = 'activate(): own mark (body only)';
const LOAD_FIGURE = "activate(): module load (host's mark)";
const READY_FIGURE = 'started: container, views and status bar (after activate() began)';
const ACTIVATION_FIGURES = [HOST_FIGURE, MEDIANS_FIGURE, FLOOR_FIGURE, AGAINST_FLOOR_FIGURE, OWN_FIGURE, LOAD_FIGURE, READY_FIGURE];

/** "27 commands and 5 tools", as the manifest contributes them. */
function commandsAndTools(): string {
  const { commands, languageModelTools } = contributions();
  return `${commands.length} commands and ${languageModelTools.length} tools`;
}

/** "0.98× [0.66–1.22] per window": a spread of ratios. */
const ratios = (of: Spread) => `${of.median.toFixed(2)}× [${of.min.toFixed(2)}–${of.max.toFixed(2)}] per window`;

function benchActivation(): void {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'doinvoices-bench-')), 'activation.json');
  try {
    const run = spawnSync(process.execPath, [path.join(projectRoot, 'out', 'test', 'bench', 'activation.js'), out], { cwd: projectRoot, stdio: 'inherit' });
    if (run.status !== 0) {
      throw new Error(`the activation benchmark (out/test/bench/activation.js) exited with ${run.status ?? run.signal}: see its lines above`);
    }
    const samples = JSON.parse(fs.readFileSync(out, 'utf8')) as ActivationSample[];
    const of = (id: string, pick: (sample: ActivationSample) => number | undefined) =>
      spread(samples.filter((sample) => sample.id === id).map(pick).filter((value): value is number => value !== undefined));
    const unsettled = samples.filter((sample) => !sample.settled).length;
    const note = unsettled > 0 ? `; ${unsettled} of ${samples.length} taken before the window settled` : '';
    const [callReal, callEmpty, callFloor] = [REAL_ID, EMPTY_ID, FLOOR_ID].map((id) => of(id, (sample) => sample.callMs));
    const [ownReal, ownEmpty] = [REAL_ID, EMPTY_ID].map((id) => of(id, (sample) => sample.activationMs));
    const [loadReal, loadEmpty] = [REAL_ID, EMPTY_ID].map((id) => of(id, (sample) => sample.loadMs));
    const [realToEmpty, floorToEmpty, realToFloor] = [[REAL_ID, EMPTY_ID], [FLOOR_ID, EMPTY_ID], [REAL_ID, FLOOR_ID]].map(([id, baseline]) =>
      pairedRatios(samples.map((sample) => ({ pair: sample.round, of: sample.id, value: sample.callMs })), id, baseline));
    rows.push({ figure: HOST_FIGURE, value: timing(callReal), limit: `${timing(callEmpty)} (empty extension; ${ratios(realToEmpty)}${note})`, ratio: realToEmpty.median, target: ACTIVATION_TARGET });
    rows.push({ figure: MEDIANS_FIGURE, value: timing(callReal), limit: `${timing(callEmpty)} (empty extension)`, ratio: callReal.median / callEmpty.median });
    const floor = `the floor: registers ${commandsAndTools()} and does nothing else`;
    rows.push({ figure: FLOOR_FIGURE, value: timing(callFloor), limit: `${timing(callEmpty)} (empty extension; ${ratios(floorToEmpty)})`, ratio: floorToEmpty.median });
    rows.push({ figure: AGAINST_FLOOR_FIGURE, value: timing(callReal), limit: `${timing(callFloor)} (${floor}; ${ratios(realToFloor)})`, ratio: realToFloor.median });
    rows.push({ figure: OWN_FIGURE, value: timing(ownReal), limit: `${timing(ownEmpty)} (empty extension)` });
    rows.push({ figure: LOAD_FIGURE, value: timing(loadReal), limit: `${timing(loadEmpty)} (empty extension)` });
    const ready = of(REAL_ID, (sample) => sample.readyMs);
    rows.push({ figure: READY_FIGURE, value: timing(ready), limit: `${timing(callReal)} (activate() in the host)` });
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

/** Runs one part of the benchmark; a part that fails leaves rows that say so, and the rest still runs. */
async function part(figures: readonly string[], run: () => void | Promise<void>, target?: number): Promise<void> {
  try {
    await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[bench] ${figures[0]}: ${message}`);
    figures.forEach((figure, index) => rows.push({ figure, value: '—', limit: '—', target: index === 0 ? target : undefined, error: message }));
  }
}

async function main(): Promise<number> {
  let fake: { url: string; child: ChildProcess } | undefined;
  await part(['fake API'], async () => {
    fake = await startFake();
  }, 1);
  if (fake) {
    const { url, child } = fake;
    try {
      await part(['refresh: requests (view + status bar)'], () => benchRefresh(url), 1);
      await part(['load all invoices (per_page=200)'], () => benchLoadAll(url), 1.2);
      await part(['line items vs raw http.get, ideal'], () => benchLineItems(url), 1.2);
      await part(['90 days of insights vs raw http.get, ideal'], () => benchInsights(url), 1.2);
    } finally {
      child.kill('SIGTERM');
    }
  }
  await part(['bundle: loaded to start and make the first request'], benchBundle, 1);
  await part(['.vsix size'], benchSizes);
  if (!process.env.DOI_BENCH_SKIP_ACTIVATION) {
    await part(ACTIVATION_FIGURES, benchActivation, ACTIVATION_TARGET);
  }

  console.log(
    `\nBenchmark: fake API on loopback, ${LATENCY_MS} ms per request; timings are the median [min–max] of ${RUNS} interleaved ` +
      `runs after a warm-up, activation of ${ACTIVATION_ROUNDS} windows (this extension, an empty one and the floor in each, every order alike) once the window has settled (${os.cpus().length} CPUs, Node ${process.version})\n`,
  );
  tableLines(rows).forEach((line) => console.log(line));
  if (fs.existsSync(path.join(projectRoot, 'dist', 'meta.json'))) {
    console.log('\nLargest contributors to dist/ (esbuild metafile):');
    topContributors(8).forEach((entry) => console.log(entry));
  }
  console.log('');
  verdictLines(rows).forEach((line) => console.log(line));
  return rows.some(isMissed) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
