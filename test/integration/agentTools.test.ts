import * as assert from 'assert';
import * as vscode from 'vscode';
import { formatAmount, formatCents, parseCents } from '../../src/util/money';
import { formatDate, formatPeriod } from '../../src/util/period';
import { FAKE_TOKEN } from '../fake-api/server';
import { markdownText, useFakeApiSession, waitFor } from './support';

const TOOLS = [
  'digitaloceanInvoices_listInvoices',
  'digitaloceanInvoices_invoiceBreakdown',
  'digitaloceanInvoices_monthToDate',
  'digitaloceanInvoices_dailySpend',
  'digitaloceanInvoices_billingHistory',
];
const INVOICES_PATH = '/v2/customers/my/invoices';
const HISTORY_PATH = '/v2/customers/my/billing_history';

const sumOf = (amounts: readonly string[]) => amounts.reduce((sum, amount) => sum + parseCents(amount)!, 0n);

describe('Language model tools in the extension host', function () {
  this.timeout(60_000);
  const session = useFakeApiSession();
  /** Every text part any tool returned in this suite, to look for the token in. */
  const returned: string[] = [];

  async function invoke(name: string, input: object): Promise<string[]> {
    const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
    const parts = result.content.map((part) => {
      assert.ok(part instanceof vscode.LanguageModelTextPart, `${name} returns text parts`);
      return part.value;
    });
    returned.push(...parts);
    return parts;
  }

  const data = (parts: readonly string[]) => JSON.parse(parts[1].slice(parts[1].indexOf('\n') + 1)) as Record<string, unknown>;
  const requestsTo = (path: string) => session.fake.requests.filter((request) => request.path === path).length;
  const settled = () => waitFor('the refresh after sign-in', () => {
    const { state, balance, history } = session.api;
    return state.snapshot.fetchedAt !== undefined && !state.snapshot.activity && balance.snapshot.balance && !balance.snapshot.loading && history.snapshot.fetchedAt !== undefined && !history.snapshot.activity;
  });

  before(() => settled());

  it('lists every tool in vscode.lm.tools with its localized description and input schema', async () => {
    const ours = await waitFor('the tools in vscode.lm.tools', () => {
      const found = vscode.lm.tools.filter((tool) => tool.name.startsWith('digitaloceanInvoices_'));
      return found.length === TOOLS.length && found;
    }, { detail: () => ({ tools: vscode.lm.tools.map((tool) => tool.name), extensionToolsEnabled: vscode.workspace.getConfiguration('chat').get('extensionTools.enabled') }) });
    assert.deepStrictEqual(ours.map((tool) => tool.name).sort(), [...TOOLS].sort());
    for (const tool of ours) {
      assert.match(tool.description, /^[A-Z].* Use it for /, `${tool.name}: the model description, not its %key%`);
      assert.strictEqual((tool.inputSchema as { type?: string } | undefined)?.type, 'object', tool.name);
    }
    const breakdown = ours.find((tool) => tool.name === 'digitaloceanInvoices_invoiceBreakdown')!;
    const schema = breakdown.inputSchema as { required: string[]; properties: Record<string, { description: string }> };
    assert.deepStrictEqual(schema.required, ['invoice']);
    assert.match(schema.properties.invoice.description, /"current"/, 'descriptions inside the schema are localized too');
  });

  it('listInvoices answers the latest 12 months from the loaded page, naming the account', async () => {
    const pagesBefore = requestsTo(INVOICES_PATH);
    const parts = await invoke('digitaloceanInvoices_listInvoices', {});
    assert.strictEqual(requestsTo(INVOICES_PATH), pagesBefore, 'no request: page 1 holds 12 months');
    const [text] = parts;
    assert.ok(text.startsWith(`DigitalOcean account: ${session.api.accounts.active.name}\n`), text);
    const { preview, invoices } = session.fake.data;
    const closed = invoices.slice(0, 11);
    for (const invoice of closed) {
      assert.ok(text.includes(`- ${formatPeriod(invoice.invoice_period, 'en')} (${invoice.invoice_period}): ${formatAmount(invoice.amount, 'en')} · invoice ${invoice.invoice_id}`), invoice.invoice_period);
    }
    assert.ok(!text.includes(`(${invoices[11].invoice_period})`), 'the 12th closed month is outside the range');
    assert.ok(text.includes(`(${preview.invoice_period}): ${formatAmount(preview.amount, 'en')} so far · month in progress`), text);
    assert.ok(text.includes(`11 closed invoices in the range, together ${formatCents(sumOf(closed.map((invoice) => invoice.amount)), 'en')}.`), text);
    assert.strictEqual(parseCents(data(parts).closedInvoicesTotal), sumOf(closed.map((invoice) => invoice.amount)), 'exact in the JSON part too');
  });

  it('listInvoices loads the next page only for a range that reaches it', async () => {
    const { invoices } = session.fake.data;
    session.fake.clearRequests();
    const parts = await invoke('digitaloceanInvoices_listInvoices', { fromMonth: invoices[29].invoice_period, toMonth: invoices[18].invoice_period });
    assert.deepStrictEqual(session.fake.requests.filter((request) => request.path === INVOICES_PATH).map((request) => request.query.page), ['2']);
    assert.deepStrictEqual((data(parts).invoices as { invoiceUuid: string }[]).map((invoice) => invoice.invoiceUuid), invoices.slice(18, 30).map((invoice) => invoice.invoice_uuid));
    assert.strictEqual(session.api.state.snapshot.items.length, 40, 'the view shows the page it loaded');
  });

  it('invoiceBreakdown gives exact subtotals by product and by project that add up to the invoice', async () => {
    const invoice = session.fake.data.invoices[2];
    const byProduct = await invoke('digitaloceanInvoices_invoiceBreakdown', { invoice: invoice.invoice_period });
    const products = data(byProduct).groups as { name: string; amount: string; items: number }[];
    const expected = (key: (item: typeof invoice.items[number]) => string) => {
      const groups = new Map<string, bigint>();
      invoice.items.forEach((item) => groups.set(key(item), (groups.get(key(item)) ?? 0n) + parseCents(item.amount)!));
      return groups;
    };
    assert.deepStrictEqual(new Map(products.map((group) => [group.name, parseCents(group.amount)])), expected((item) => item.product || '(no product)'));
    assert.strictEqual(data(byProduct).lineItemsTotal, invoice.amount);
    assert.ok(byProduct[0].includes(`The line items add up to ${formatAmount(invoice.amount, 'en')}.`), byProduct[0]);
    assert.ok(byProduct[0].includes(`- ${products[0].name}: ${formatAmount(products[0].amount, 'en')} (`), 'largest first, as the view');

    const itemRequests = requestsTo(`${INVOICES_PATH}/${invoice.invoice_uuid}`);
    const byProject = await invoke('digitaloceanInvoices_invoiceBreakdown', { invoice: invoice.invoice_uuid, groupBy: 'project' });
    assert.strictEqual(requestsTo(`${INVOICES_PATH}/${invoice.invoice_uuid}`), itemRequests, 'the items are loaded once');
    const projects = data(byProject).groups as { name: string; amount: string }[];
    assert.deepStrictEqual(new Map(projects.map((group) => [group.name, parseCents(group.amount)])), expected((item) => item.project_name || '(no project)'));
  });

  it('invoiceBreakdown of "current" reads the month in progress; an unknown invoice names what is loaded', async () => {
    const current = await invoke('digitaloceanInvoices_invoiceBreakdown', { invoice: 'current' });
    assert.match(current[0], new RegExp(`Month in progress, .* \\(${session.fake.data.preview.invoice_period}\\)`));
    assert.strictEqual(data(current).lineItemsTotal, session.fake.data.preview.amount);

    const unknown = await invoke('digitaloceanInvoices_invoiceBreakdown', { invoice: '2001-01' });
    assert.strictEqual(unknown.length, 1);
    assert.match(unknown[0], /No invoice matches January 2001 \(2001-01\)\. Loaded: 40 closed invoices from .*, and the month in progress, .*\. The account has no other invoices\./);
    const bad = await invoke('digitaloceanInvoices_invoiceBreakdown', { invoice: 'last month' });
    assert.match(bad[0], /invoice must be "current", a month as YYYY-MM/);
  });

  it('monthToDate reports the preview, the forecasts and the balance as the status bar does', async () => {
    await waitFor('the recent daily spend', () => session.api.container.insights.snapshot.recent);
    const parts = await invoke('digitaloceanInvoices_monthToDate', {});
    const { preview, balance } = session.fake.data;
    assert.ok(parts[0].includes(`Spend so far (invoice preview): ${formatAmount(preview.amount, 'en')}`), parts[0]);
    // The hover keeps terms whole with non-breaking hyphens and drops the bold marks.
    const tooltip = markdownText(session.api.statusBar.item.tooltip as vscode.MarkdownString).replace(/\u2011/g, '-').replace(/\*\*/g, '');
    const projected = /Projected month-end total: (\S+)/.exec(tooltip)?.[1];
    assert.ok(projected, tooltip);
    assert.ok(parts[0].includes(`Projected month-end total on a straight line: ${projected} (`), 'the status bar shows the same projection');
    const runRate = /Month-end forecast at the run rate: (\S+)/.exec(tooltip)?.[1];
    assert.ok(runRate, tooltip);
    assert.ok(parts[0].includes(`Month-end forecast at the run rate: ${runRate} (`), 'and the same run-rate forecast');
    assert.ok(parts[0].includes(`account balance ${formatAmount(balance.account_balance, 'en')}`), parts[0]);
    assert.match(parts[0], /No monthly budget is set/);
  });

  it('billingHistory lists the latest 365 days with exact totals per type', async () => {
    const parts = await invoke('digitaloceanInvoices_billingHistory', {});
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.parse(today) - 364 * 86_400_000).toISOString().slice(0, 10);
    const expected = session.fake.data.billingHistory.filter((entry) => entry.date.slice(0, 10) >= from && entry.date.slice(0, 10) <= today);
    assert.deepStrictEqual((data(parts).entries as { date: string }[]).map((entry) => entry.date), expected.map((entry) => entry.date));
    const payments = expected.filter((entry) => entry.type === 'Payment');
    assert.ok(parts[0].includes(`Payment ${formatCents(sumOf(payments.map((entry) => entry.amount)), 'en')} (${payments.length} entries)`), parts[0]);
    assert.ok(parts[0].includes(`- ${formatDate(expected[0].date, 'en')} · ${expected[0].type} · ${expected[0].description}: ${formatAmount(expected[0].amount, 'en')}`), parts[0]);
  });

  it('dailySpend answers a week by product from the recent days, exact against the fake, without an insights request', async () => {
    const { insights } = session.api.container;
    await waitFor('the recent daily spend', () => insights.snapshot.recent && !insights.snapshot.loading);
    session.fake.clearRequests();
    const parts = await invoke('digitaloceanInvoices_dailySpend', { days: 7 });
    assert.deepStrictEqual(session.fake.requests.filter((request) => request.path.includes('/insights/')), [], 'the recent days hold the week');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const start = new Date(Date.parse(yesterday) - 6 * 86_400_000).toISOString().slice(0, 10);
    const points = session.fake.data.insights.dataPoints.filter((point) => point.start_date >= start && point.start_date <= yesterday);
    const answer = data(parts) as { fromDate: string; toDate: string; total: string; days: { day: string; total: string }[] };
    assert.deepStrictEqual([answer.fromDate, answer.toDate], [start, yesterday]);
    assert.strictEqual(parseCents(answer.total), sumOf(points.map((point) => point.total_amount)));
    assert.ok(points.length > 7, 'several resources a day');
    for (const day of answer.days) {
      const cents = sumOf(points.filter((point) => point.start_date === day.day).map((point) => point.total_amount));
      assert.strictEqual(parseCents(day.total), cents, day.day);
      assert.ok(parts[0].includes(`(${day.day}): ${formatCents(cents, 'en')} (`), day.day);
    }
    assert.ok(parts[0].startsWith(`DigitalOcean account: ${session.api.accounts.active.name}\n`), parts[0]);
  });

  it('answers an API error with what the view shows', async () => {
    await session.api.clearToken();
    session.fake.addFault({ kind: 'status', status: 500, path: HISTORY_PATH });
    assert.strictEqual(await session.api.setToken(FAKE_TOKEN), 'saved');
    await waitFor('the history error', () => session.api.history.snapshot.error);
    // Nothing was loaded for this account: the tool tries once more, as the view's Retry would; the view shows its failure.
    const parts = await invoke('digitaloceanInvoices_billingHistory', {});
    const [row] = session.api.historyView.provider.getChildren();
    const shown = String((await session.api.historyView.provider.getTreeItem(row)).label);
    assert.strictEqual(parts.length, 1);
    assert.strictEqual(parts[0].split('\n')[1], `The DigitalOcean API could not be read: ${shown}`);
    assert.match(shown, /server error \(HTTP 500\)/);
    session.fake.clearFaults();
    await vscode.commands.executeCommand('digitaloceanInvoices.refresh');
  });

  it('says how to set a token when there is none', async () => {
    await session.api.clearToken();
    for (const name of TOOLS) {
      const parts = await invoke(name, name.endsWith('invoiceBreakdown') ? { invoice: 'current' } : {});
      assert.strictEqual(parts.length, 1, name);
      assert.match(parts[0], new RegExp(`No DigitalOcean API token is set for the account "${session.api.accounts.active.name}"\\. Run "DigitalOcean Invoices: Set API Token"`), name);
    }
  });

  it('never returned the token, nor logged it', () => {
    assert.ok(returned.length > 10);
    for (const part of returned) {
      assert.ok(!part.includes(FAKE_TOKEN), part);
    }
    assert.ok(session.api.logger.recentLines.some((line) => line.includes('Tool digitaloceanInvoices_monthToDate {}: answered')));
    assert.ok(session.api.logger.recentLines.every((line) => !line.includes(FAKE_TOKEN)));
  });
});
