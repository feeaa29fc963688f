import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { AgentTool } from '../../../src/agentTools/agentTool';
import { billingHistoryTool } from '../../../src/agentTools/billingHistoryTool';
import { invoiceBreakdownTool } from '../../../src/agentTools/invoiceBreakdownTool';
import { listInvoicesTool } from '../../../src/agentTools/listInvoicesTool';
import { monthToDateTool } from '../../../src/agentTools/monthToDateTool';
import { Cancellation } from '../../../src/agentTools/billingReader';
import { invocationMessage, runTool, ToolEnvironment, ToolOutput } from '../../../src/agentTools/runTool';
import { ToolCancelled } from '../../../src/agentTools/toolProblem';
import { projectMonthEnd } from '../../../src/budget/budget';
import { DEFAULT_ALERT_SETTINGS } from '../../../src/insights/alerts';
import { InsightsState } from '../../../src/insights/insightsState';
import { LineItemsStore } from '../../../src/lineItems/lineItemsStore';
import { l10n } from '../../../src/util/l10n';
import { formatAmount, formatCents, parseCents } from '../../../src/util/money';
import { formatDate } from '../../../src/util/period';
import { FAKE_TOKEN } from '../../fake-api/server';
import { makeClient, memoryStore } from '../../support/clientHarness';
import { useFakeApi } from '../../support/fakeApiHooks';
import { makeStores } from '../../support/sessionHarness';
import { insightsFetchingModule, lineItemsLoaderModule } from '../../support/codeOnFirstUse';

const OTHER_TOKEN = 'dop_v1_' + 'e'.repeat(64);
const REFUSED_TOKEN = 'dop_v1_' + 'f'.repeat(64);
const NOW = new Date(Date.UTC(2024, 4, 20, 10, 0, 0));
const INVOICES_PATH = '/v2/customers/my/invoices';
const HISTORY_PATH = '/v2/customers/my/billing_history';

const never: Cancellation = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };

function cancellable(): Cancellation & { cancel(): void } {
  const listeners = new Set<() => unknown>();
  const token = {
    isCancellationRequested: false,
    onCancellationRequested(listener: () => unknown) {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    cancel() {
      token.isCancellationRequested = true;
      listeners.forEach((listener) => listener());
    },
  };
  return token;
}

const sumOf = (amounts: readonly string[]) => amounts.reduce((sum, amount) => sum + parseCents(amount)!, 0n);
const json = (output: ToolOutput) => JSON.parse(output.parts[1].slice(output.parts[1].indexOf('\n') + 1)) as Record<string, unknown>;

describe('language model tools over the stores', function () {
  this.timeout(30_000);
  const fake = useFakeApi({ now: NOW, largeInvoiceItems: 450, tokens: [FAKE_TOKEN, OTHER_TOKEN] });

  function makeTools(options: { pageSize?: number; budgetCents?: bigint; groupLineItemsBy?: 'product' | 'project' } = {}) {
    const harness = makeClient(fake.url);
    const stores = makeStores({ client: harness.client, logger: harness.logger, store: memoryStore(), pageSize: options.pageSize ?? 20 });
    const lineItems = new LineItemsStore(harness.client, stores.session, harness.logger, lineItemsLoaderModule);
    const insights = new InsightsState({ session: stores.session, store: memoryStore(), logger: harness.logger, client: harness.client, fetching: insightsFetchingModule });
    const environment: ToolEnvironment = {
      sources: { ...stores, lineItems, insights },
      logger: harness.logger,
      locale: 'en',
      budget: () => ({ cents: options.budgetCents ?? 0n, warningPercent: 80 }),
      alerts: () => DEFAULT_ALERT_SETTINGS,
      groupLineItemsBy: () => options.groupLineItemsBy ?? 'product',
      now: () => NOW.getTime(),
    };
    const call = (tool: AgentTool, input: unknown, cancellation: Cancellation = never) => runTool(tool, input, environment, cancellation);
    return { ...stores, ...harness, lineItems, environment, call };
  }

  const requestsTo = (path: string) => fake.api.requests.filter((request) => request.path === path);
  const invoicePages = () => requestsTo(INVOICES_PATH).map((request) => Number(request.query.page));

  describe('listInvoices', () => {
    it('answers the latest 12 months from page 1 alone, with exact amounts, naming the account', async () => {
      const { call, signIn, accounts } = makeTools();
      await signIn(FAKE_TOKEN);
      const output = await call(listInvoicesTool, {});
      assert.strictEqual(output.outcome, 'answered', output.parts[0]);
      const [text] = output.parts;
      assert.match(text, new RegExp(`^DigitalOcean account: ${accounts.active.name}\n`));
      const closed = fake.api.data.invoices.filter((invoice) => invoice.invoice_period >= '2023-06');
      assert.strictEqual(closed.length, 11);
      for (const invoice of closed) {
        assert.ok(text.includes(`(${invoice.invoice_period}): ${formatAmount(invoice.amount, 'en')} · invoice ${invoice.invoice_id} · uuid ${invoice.invoice_uuid}`), invoice.invoice_period);
      }
      const { preview } = fake.api.data;
      assert.ok(text.includes(`May 2024 (2024-05): ${formatAmount(preview.amount, 'en')} so far · month in progress`), text);
      assert.ok(text.includes(`11 closed invoices in the range, together ${formatCents(sumOf(closed.map((invoice) => invoice.amount)), 'en')}.`), text);
      assert.deepStrictEqual(invoicePages(), [1], 'the page the refresh loaded, nothing more');

      const data = json(output);
      assert.strictEqual(data.account, accounts.active.name);
      assert.strictEqual(parseCents(data.closedInvoicesTotal), sumOf(closed.map((invoice) => invoice.amount)));
      assert.deepStrictEqual(data.invoices, closed.map((invoice) => ({ period: invoice.invoice_period, amount: invoice.amount, invoiceId: invoice.invoice_id, invoiceUuid: invoice.invoice_uuid })));
      assert.deepStrictEqual(data.monthInProgress, { period: '2024-05', amountSoFar: preview.amount, updatedAt: preview.updated_at });
    });

    it('loads only the pages a range needs, and nothing when they are loaded', async () => {
      const { call, signIn, invoices } = makeTools({ pageSize: 10 });
      await signIn(FAKE_TOKEN);
      await invoices.refresh();
      const all = fake.api.data.invoices;
      const range = { fromMonth: all[24].invoice_period, toMonth: all[15].invoice_period };
      const output = await call(listInvoicesTool, range);
      assert.deepStrictEqual(invoicePages(), [1, 2, 3], 'page 3 holds the 25th invoice; its older ones end the range');
      assert.deepStrictEqual((json(output).invoices as { period: string }[]).map((invoice) => invoice.period), all.slice(15, 25).map((invoice) => invoice.invoice_period));
      assert.strictEqual(json(output).complete, true);

      fake.api.clearRequests();
      const again = await call(listInvoicesTool, range);
      assert.deepStrictEqual(again.parts, output.parts);
      assert.deepStrictEqual(fake.api.requests, [], 'answered from the store');
    });

    it('says where the account\'s invoices end when the range goes further back', async () => {
      const { call, signIn } = makeTools({ pageSize: 15 });
      await signIn(FAKE_TOKEN);
      const all = fake.api.data.invoices;
      const oldest = all[all.length - 1].invoice_period;
      const output = await call(listInvoicesTool, { fromMonth: '2019-01', toMonth: all[30].invoice_period });
      assert.deepStrictEqual(invoicePages(), [1, 2, 3]);
      assert.match(output.parts[0], new RegExp(`The account has no invoices before [A-Za-z]+ \\d{4} \\(${oldest}\\)\\.`));
      assert.strictEqual((json(output).invoices as unknown[]).length, all.length - 30);
    });

    it('keeps what was loaded when a further page fails, and says so as the view would', async () => {
      const { call, signIn, invoices } = makeTools({ pageSize: 10 });
      await signIn(FAKE_TOKEN);
      await invoices.refresh();
      fake.api.addFault({ kind: 'status', status: 500, path: INVOICES_PATH, page: 2 });
      const output = await call(listInvoicesTool, { fromMonth: '2021-01', toMonth: '2024-04' });
      assert.strictEqual(output.outcome, 'answered');
      assert.ok(invoices.snapshot.error, 'the view shows the error too');
      assert.ok(output.parts[0].includes(`Note: ${invoices.snapshot.error.message}`), output.parts[0]);
      assert.match(output.parts[0], /Only invoices back to .* could be loaded; older ones in the range are missing\./);
      assert.strictEqual(json(output).complete, false);
    });
  });

  describe('invoiceBreakdown', () => {
    it('groups an invoice by product with exact subtotals, largest first, adding up to the invoice', async () => {
      const { call, signIn } = makeTools();
      await signIn(FAKE_TOKEN);
      const invoice = fake.api.data.invoices[1];
      const output = await call(invoiceBreakdownTool, { invoice: invoice.invoice_period });
      assert.strictEqual(output.outcome, 'answered', output.parts[0]);
      const expected = new Map<string, bigint>();
      for (const item of invoice.items) {
        expected.set(item.product || '(no product)', (expected.get(item.product || '(no product)') ?? 0n) + parseCents(item.amount)!);
      }
      const data = json(output);
      const groups = data.groups as { name: string; amount: string; items: number }[];
      assert.deepStrictEqual(new Map(groups.map((group) => [group.name, parseCents(group.amount)])), expected);
      const sizes = groups.map((group) => { const cents = parseCents(group.amount)!; return cents < 0n ? -cents : cents; });
      assert.deepStrictEqual(sizes, [...sizes].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)), 'largest first');
      assert.strictEqual(data.lineItemsTotal, invoice.amount);
      assert.strictEqual(data.lineItems, invoice.items.length);
      const text = output.parts[0];
      assert.ok(text.includes(`Invoice for ${text.match(/Invoice for ([A-Za-z]+ \d{4})/)?.[1]} (${invoice.invoice_period}) · invoice ${invoice.invoice_id} · uuid ${invoice.invoice_uuid}: ${formatAmount(invoice.amount, 'en')}`), text);
      assert.ok(text.includes(`- ${groups[0].name}: ${formatAmount(groups[0].amount, 'en')} (`), text);
      assert.ok(text.includes(`The line items add up to ${formatAmount(invoice.amount, 'en')}.`), text);
      assert.ok(!text.includes('differ'), 'they agree with the invoice');
    });

    it('groups by project, the items without one under "(no project)", and reuses the loaded items', async () => {
      const { call, signIn } = makeTools();
      await signIn(FAKE_TOKEN);
      const invoice = fake.api.data.invoices.find((candidate) => candidate.items.some((item) => item.project_name === '') && candidate.items.length < 200)!;
      await call(invoiceBreakdownTool, { invoice: invoice.invoice_uuid });
      const itemRequests = () => requestsTo(`${INVOICES_PATH}/${invoice.invoice_uuid}`).length;
      const loaded = itemRequests();
      assert.ok(loaded >= 1);
      const output = await call(invoiceBreakdownTool, { invoice: invoice.invoice_uuid, groupBy: 'project' });
      assert.strictEqual(itemRequests(), loaded, 'the store already holds the items');
      const expected = new Map<string, bigint>();
      for (const item of invoice.items) {
        const name = item.project_name || '(no project)';
        expected.set(name, (expected.get(name) ?? 0n) + parseCents(item.amount)!);
      }
      const groups = json(output).groups as { name: string; amount: string }[];
      assert.deepStrictEqual(new Map(groups.map((group) => [group.name, parseCents(group.amount)])), expected);
      assert.ok(groups.some((group) => group.name === '(no project)'));
      assert.match(output.parts[0], /By project, largest first \(\d+ items\):/);
    });

    it('groups as the Invoices view does when groupBy is left out, and as asked when given', async () => {
      const { call, signIn } = makeTools({ groupLineItemsBy: 'project' });
      await signIn(FAKE_TOKEN);
      const byDefault = await call(invoiceBreakdownTool, { invoice: 'current' });
      assert.match(byDefault.parts[0], /By project, largest first/);
      assert.strictEqual(json(byDefault).groupBy, 'project');
      const asked = await call(invoiceBreakdownTool, { invoice: 'current', groupBy: 'product' });
      assert.strictEqual(json(asked).groupBy, 'product');
    });

    it('breaks down the month in progress with the preview keyword', async () => {
      const { call, signIn } = makeTools();
      await signIn(FAKE_TOKEN);
      const output = await call(invoiceBreakdownTool, { invoice: 'current' });
      assert.strictEqual(output.outcome, 'answered', output.parts[0]);
      assert.ok(requestsTo(`${INVOICES_PATH}/preview`).length > 0);
      assert.match(output.parts[0], /^Month in progress, May 2024 \(2024-05\): .* so far, last updated/m);
      assert.strictEqual(json(output).lineItemsTotal, fake.api.data.preview.amount);
      assert.deepStrictEqual(json(output).invoice, { ...(json(output).invoice as object), inProgress: true });
    });

    it('loads further pages only while the invoice may be on them', async () => {
      const { call, signIn } = makeTools({ pageSize: 10 });
      await signIn(FAKE_TOKEN);
      const target = fake.api.data.invoices[22];
      const output = await call(invoiceBreakdownTool, { invoice: target.invoice_id });
      assert.strictEqual(output.outcome, 'answered', output.parts[0]);
      assert.deepStrictEqual(invoicePages(), [1, 2, 3]);
      fake.api.clearRequests();
      const future = await call(invoiceBreakdownTool, { invoice: '2030-01' });
      assert.strictEqual(future.outcome, 'notFound');
      assert.deepStrictEqual(invoicePages(), [], 'no invoice of a later month can be on an older page');
    });

    it('names what is loaded when no invoice matches', async () => {
      const { call, signIn } = makeTools({ pageSize: 20 });
      await signIn(FAKE_TOKEN);
      const uuid = '00000000-0000-4000-8000-000000000000';
      const output = await call(invoiceBreakdownTool, { invoice: uuid });
      assert.strictEqual(output.outcome, 'notFound');
      assert.deepStrictEqual(invoicePages(), [1, 2], 'every page was looked through');
      const all = fake.api.data.invoices;
      assert.match(output.parts[0], new RegExp(`No invoice matches ${uuid}\\. Loaded: ${all.length} closed invoices from .* \\(${all[all.length - 1].invoice_period}\\) to .* \\(${all[0].invoice_period}\\), and the month in progress, May 2024 \\(2024-05\\)\\. The account has no other invoices\\.`));
      assert.strictEqual(output.parts.length, 1, 'no figures');
    });

    it('refuses bad input before anything is read', async () => {
      const { call, signIn } = makeTools();
      await signIn(FAKE_TOKEN);
      fake.api.clearRequests();
      const output = await call(invoiceBreakdownTool, { invoice: 'last March', groupBy: 'region' });
      assert.strictEqual(output.outcome, 'input');
      assert.match(output.parts[0], /invoice must be "current", a month as YYYY-MM/);
      const groupBy = await call(invoiceBreakdownTool, { invoice: 'current', groupBy: 'region' });
      assert.match(groupBy.parts[0], /groupBy must be one of "product", "project"/);
      assert.deepStrictEqual(fake.api.requests, []);
    });
  });

  describe('monthToDate', () => {
    it('reports the month to date, the projection, the budget and the balance as the status bar does', async () => {
      const { call, signIn } = makeTools({ budgetCents: 5000n });
      await signIn(FAKE_TOKEN);
      const output = await call(monthToDateTool, undefined);
      assert.strictEqual(output.outcome, 'answered', output.parts[0]);
      const { preview, balance } = fake.api.data;
      const projection = projectMonthEnd(preview.amount, preview.invoice_period, preview.updated_at, NOW.getTime())!;
      const text = output.parts[0];
      assert.ok(text.includes(`Month to date, May 2024 (2024-05):`), text);
      assert.ok(text.includes(`Spend so far (invoice preview): ${formatAmount(preview.amount, 'en')}`), text);
      assert.ok(text.includes(`Projected month-end total on a straight line: ${formatCents(projection.projectedCents, 'en')}`), text);
      assert.ok(text.includes('No run-rate forecast: the daily spend of the last 7 days is not loaded'), text);
      const percent = Number((parseCents(preview.amount)! * 100n) / 5000n);
      assert.ok(text.includes(`Budget: $50.00 (${percent}% used).`), text);
      assert.ok(text.includes(`month-to-date usage ${formatAmount(balance.month_to_date_usage, 'en')}, month-to-date balance ${formatAmount(balance.month_to_date_balance, 'en')}, account balance ${formatAmount(balance.account_balance, 'en')}`), text);
      const data = json(output);
      assert.strictEqual(data.monthToDate, preview.amount);
      const actual = parseCents(preview.amount)!;
      const state = actual > 5000n ? 'over' : projection.projectedCents > 5000n ? 'projectedOver' : percent >= 80 ? 'warning' : 'ok';
      assert.deepStrictEqual(data.budget, { amount: '50.00', percentUsed: percent, warningPercent: 80, state, checkedAgainst: 'straightLine' });
      assert.deepStrictEqual(data.balance, { monthToDateBalance: balance.month_to_date_balance, accountBalance: balance.account_balance, monthToDateUsage: balance.month_to_date_usage, generatedAt: balance.generated_at });
    });

    it('writes money, months and its sentences in the display language', async () => {
      const { signIn, environment } = makeTools();
      await signIn(FAKE_TOKEN);
      l10n.setBundle(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'l10n', 'bundle.l10n.de.json'), 'utf8')));
      try {
        const output = await runTool(monthToDateTool, {}, { ...environment, locale: 'de' }, never);
        const { preview } = fake.api.data;
        assert.match(output.parts[0], /^DigitalOcean-Konto: /);
        assert.ok(output.parts[0].includes(`Monat bis heute, Mai 2024 (2024-05):`), output.parts[0]);
        assert.ok(output.parts[0].includes(`Bisherige Ausgaben (Rechnungsvorschau): ${formatAmount(preview.amount, 'de')}`), output.parts[0]);
        assert.strictEqual(json(output).monthToDate, preview.amount, 'the JSON part stays exact and locale-free');
      } finally {
        l10n.setBundle(undefined);
      }
    });

    it('says when no budget is set, and asks for nothing the refresh brought', async () => {
      const { call, signIn, refreshAll } = makeTools();
      await signIn(FAKE_TOKEN);
      await refreshAll();
      fake.api.clearRequests();
      const output = await call(monthToDateTool, {});
      assert.match(output.parts[0], /No monthly budget is set \(setting digitaloceanInvoices\.monthlyBudget\)\./);
      assert.strictEqual(json(output).budget, undefined);
      assert.deepStrictEqual(fake.api.requests, []);
    });
  });

  describe('billingHistory', () => {
    it('lists the entries of a range with exact totals per type, loading the pages it needs', async () => {
      const { call, signIn } = makeTools({ pageSize: 10 });
      await signIn(FAKE_TOKEN);
      const fromDate = '2022-06-01';
      const toDate = '2023-12-31';
      const output = await call(billingHistoryTool, { fromDate, toDate });
      assert.strictEqual(output.outcome, 'answered', output.parts[0]);
      const all = fake.api.data.billingHistory;
      const expected = all.filter((entry) => entry.date.slice(0, 10) >= fromDate && entry.date.slice(0, 10) <= toDate);
      assert.ok(expected.length > 10, `${expected.length} entries`);
      const data = json(output);
      assert.deepStrictEqual((data.entries as { date: string }[]).map((entry) => entry.date), expected.map((entry) => entry.date));
      const lastNeeded = all.indexOf(expected[expected.length - 1]);
      const pages = requestsTo(HISTORY_PATH).map((request) => Number(request.query.page));
      assert.deepStrictEqual(pages, Array.from({ length: Math.floor((lastNeeded + 1) / 10) + 1 }, (_, index) => index + 1));
      for (const type of ['Invoice', 'Payment']) {
        const ofType = expected.filter((entry) => entry.type === type);
        const total = (data.totalsByType as { type: string; entries: number; amount: string }[]).find((candidate) => candidate.type === type);
        assert.deepStrictEqual(total && { entries: total.entries, cents: parseCents(total.amount) }, { entries: ofType.length, cents: sumOf(ofType.map((entry) => entry.amount)) });
      }
      const payment = expected.find((entry) => entry.type === 'Payment')!;
      assert.ok(output.parts[0].includes(`- ${formatDate(payment.date, 'en')} · Payment · ${payment.description}: ${formatAmount(payment.amount, 'en')}`), output.parts[0]);
      assert.match(output.parts[0], /^Totals by type: .*Invoice \$[\d,]+\.\d\d \(\d+ entries\)/m);
    });

    it('says when a range holds no entries', async () => {
      const { call, signIn } = makeTools();
      await signIn(FAKE_TOKEN);
      const output = await call(billingHistoryTool, { fromDate: '2024-05-19', toDate: '2024-05-19' });
      assert.match(output.parts[0], /No billing history entries in this range\./);
    });
  });

  describe('without a token, with API errors, across accounts', () => {
    it('says how to set a token, for every tool, and asks the API nothing', async () => {
      const { call, accounts, session } = makeTools();
      // Called at startup, before the session has read the (missing) token: the call waits for it.
      const first = call(listInvoicesTool, {});
      await session.sync();
      assert.strictEqual((await first).outcome, 'noToken');
      for (const [tool, input] of [[listInvoicesTool, {}], [invoiceBreakdownTool, { invoice: 'current' }], [monthToDateTool, {}], [billingHistoryTool, {}]] as const) {
        const output = await call(tool, input);
        assert.strictEqual(output.outcome, 'noToken', tool.name);
        assert.match(output.parts[0], new RegExp(`No DigitalOcean API token is set for the account "${accounts.active.name}"\\. Run "DigitalOcean Invoices: Set API Token"`));
      }
      assert.deepStrictEqual(fake.api.requests, []);
    });

    it('answers with what the view shows for an API error, and how to set another token when it is refused', async () => {
      const { call, signIn, invoices } = makeTools();
      fake.api.addFault({ kind: 'status', status: 503, path: INVOICES_PATH });
      await signIn(FAKE_TOKEN);
      const output = await call(listInvoicesTool, {});
      assert.strictEqual(output.outcome, 'apiError');
      assert.ok(invoices.snapshot.error);
      assert.strictEqual(output.parts[0].split('\n')[1], `The DigitalOcean API could not be read: ${invoices.snapshot.error.message}`);

      fake.api.clearFaults();
      const refused = makeTools();
      await refused.signIn(REFUSED_TOKEN);
      const unauthorized = await refused.call(monthToDateTool, {});
      assert.strictEqual(unauthorized.outcome, 'apiError');
      assert.ok(unauthorized.parts[0].includes(refused.invoices.snapshot.error!.message), unauthorized.parts[0]);
      assert.match(unauthorized.parts[0], /Run "DigitalOcean Invoices: Set API Token" to set another token\.$/);
    });

    it('never puts the token into a result or the log, even when the API echoes it', async () => {
      const { call, signIn, sink } = makeTools({ pageSize: 10 });
      await signIn(FAKE_TOKEN);
      const outputs = [
        await call(listInvoicesTool, { fromMonth: '2021-01' }),
        await call(invoiceBreakdownTool, { invoice: 'current', groupBy: 'project' }),
        await call(monthToDateTool, {}),
        await call(billingHistoryTool, {}),
      ];
      fake.api.addFault({ kind: 'status', status: 500, path: HISTORY_PATH, body: { id: 'server_error', message: `token ${FAKE_TOKEN} failed` } });
      const history = makeTools();
      await history.signIn(FAKE_TOKEN);
      const echoed = await history.call(billingHistoryTool, {});
      assert.strictEqual(echoed.outcome, 'apiError');
      assert.match(echoed.parts[0], /\[redacted\]/);
      for (const output of [...outputs, echoed]) {
        for (const part of output.parts) {
          assert.ok(!part.includes(FAKE_TOKEN) && !part.includes(FAKE_TOKEN.slice(7, 40)), part);
        }
      }
      assert.ok(sink.lines.some((line) => line.startsWith('Tool digitaloceanInvoices_listInvoices {"fromMonth":"2021-01"}: answered')), sink.lines.join('\n'));
      assert.ok([...sink.lines, ...history.sink.lines].every((line) => !line.includes(FAKE_TOKEN)));
    });

    it('stops with a message when the account changes while it reads', async () => {
      const { call, signIn, lineItems } = makeTools();
      await signIn(FAKE_TOKEN);
      const large = fake.api.data.invoices[0];
      fake.api.addFault({ kind: 'hang', path: `${INVOICES_PATH}/${large.invoice_uuid}`, page: 2 });
      const pending = call(invoiceBreakdownTool, { invoice: large.invoice_uuid });
      await new Promise<void>((resolve) => {
        const subscription = lineItems.onDidChange((key) => {
          const entry = lineItems.get(key);
          if (key === large.invoice_uuid && entry?.status === 'loading' && entry.progress?.loadedPages) {
            subscription.dispose();
            resolve();
          }
        });
      });
      await signIn(OTHER_TOKEN);
      const output = await pending;
      assert.strictEqual(output.outcome, 'accountChanged', output.parts[0]);
      assert.match(output.parts[0], /The active DigitalOcean account changed while the data was read/);
    });

    it('rejects when cancelled, and cancels the line-items load it started', async () => {
      const { call, signIn, lineItems } = makeTools();
      await signIn(FAKE_TOKEN);
      const large = fake.api.data.invoices[0];
      fake.api.addFault({ kind: 'hang', path: `${INVOICES_PATH}/${large.invoice_uuid}`, page: 2 });
      const token = cancellable();
      const subscription = lineItems.onDidChange((key) => {
        if (key === large.invoice_uuid && lineItems.get(key)?.status === 'loading' && !token.isCancellationRequested) {
          token.cancel();
        }
      });
      await assert.rejects(call(invoiceBreakdownTool, { invoice: large.invoice_uuid }, token), ToolCancelled);
      subscription.dispose();
      assert.strictEqual(lineItems.get(large.invoice_uuid), undefined, 'the load was cancelled');
    });

    it('names the account in the message shown while it runs', () => {
      const { environment, accounts } = makeTools();
      const name = accounts.active.name;
      assert.strictEqual(invocationMessage(listInvoicesTool, {}, environment), `Reading DigitalOcean invoices for account "${name}"…`);
      assert.strictEqual(invocationMessage(invoiceBreakdownTool, { invoice: '2024-03' }, environment), `Reading the DigitalOcean invoice 2024-03 for account "${name}"…`);
      assert.strictEqual(invocationMessage(monthToDateTool, {}, environment), `Reading DigitalOcean month-to-date spend for account "${name}"…`);
      assert.strictEqual(invocationMessage(billingHistoryTool, {}, environment), `Reading the DigitalOcean billing history for account "${name}"…`);
    });
  });
});

