import * as assert from 'assert';
import * as vscode from 'vscode';
import { centsToDecimal, formatCents, parseCents, sumCents } from '../../src/util/money';
import type { InvoiceNode } from '../../src/invoices/invoiceNodes';
import { EXTENSION_ID, setSetting, useFakeApiSession, waitFor } from './support';

type Node<K extends InvoiceNode['kind']> = Extract<InvoiceNode, { kind: K }>;

describe('Invoice line items in the extension host', function () {
  this.timeout(60_000);
  const session = useFakeApiSession();

  const provider = () => session.api.view.provider;
  const invoiceNode = (uuid: string) =>
    provider().getChildren().find((node): node is Node<'invoice'> => node.kind === 'invoice' && !node.inProgress && node.invoice.invoiceUuid === uuid)!;
  const label = async (node: InvoiceNode) => String((await provider().getTreeItem(node)).label);

  async function expandedChildren(node: InvoiceNode): Promise<InvoiceNode[]> {
    provider().getChildren(node); // starts the load, as expanding does
    return waitFor('the line items', () => {
      const children = provider().getChildren(node);
      return children.every((child) => child.kind !== 'notice' || !child.message.startsWith('Loading')) && children;
    }, { timeoutMs: 30_000 });
  }

  it('groups an invoice\'s items by product with exact subtotals, largest first', async () => {
    const invoice = session.fake.data.invoices[1];
    const children = await expandedChildren(invoiceNode(invoice.invoice_uuid));
    const groups = children.filter((node): node is Node<'group'> => node.kind === 'group');
    assert.ok(groups.length > 1, JSON.stringify(await Promise.all(children.map(label))));
    const subtotals = groups.map((group) => group.group.subtotalCents);
    const absolute = subtotals.map((cents) => (cents < 0n ? -cents : cents));
    assert.deepStrictEqual(absolute, [...absolute].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    assert.strictEqual(centsToDecimal(sumCents(subtotals)), centsToDecimal(parseCents(invoice.amount)!));
    const item = await provider().getTreeItem(groups[0]);
    assert.match(String(item.label), /^-?\$[\d,]+\.\d\d$/, 'the subtotal first');
    assert.match(String(item.description), new RegExp(`^${groups[0].group.key} · \\d+ items?`));
    const items = provider().getChildren(groups[0]);
    assert.strictEqual(items.length, Math.min(100, groups[0].group.count) + (groups[0].group.count > 100 ? 1 : 0));
    const first = await provider().getTreeItem(items[0]);
    assert.match(String(first.label), /^-?\$[\d,]+\.\d\d$/, 'the amount first');
  });

  it('shows the items of a group largest first, and copies a description or resource id from the context menu', async () => {
    const invoice = session.fake.data.invoices[1];
    const groups = (await expandedChildren(invoiceNode(invoice.invoice_uuid))).filter((node): node is Node<'group'> => node.kind === 'group');
    const withResource = groups.find((group) => group.group.count > 1 && group.group.items.some((candidate) => candidate.resourceId))!;
    const items = provider().getChildren(withResource).filter((node): node is Node<'item'> => node.kind === 'item');
    const cents = items.map((node) => parseCents(node.item.amount)!);
    const absolute = cents.map((value) => (value < 0n ? -value : value));
    assert.deepStrictEqual(absolute, [...absolute].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)), 'largest first');

    const item = items.find((node) => node.item.resourceId)!;
    const treeItem = await provider().getTreeItem(item);
    const menus = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } }).contributes.menus;
    const offered = menus['view/item/context'].filter((entry) => entry.command.startsWith('digitaloceanInvoices.copyLineItem')).filter((entry) => {
      const regex = /viewItem =~ \/(.+)\/$/.exec(entry.when ?? '')?.[1];
      return regex !== undefined && new RegExp(regex).test(String(treeItem.contextValue));
    }).map((entry) => entry.command);
    assert.ok(offered.includes('digitaloceanInvoices.copyLineItemDescription') && offered.includes('digitaloceanInvoices.copyLineItemResourceId'), `${treeItem.contextValue}: ${offered.join(', ')}`);
    assert.strictEqual(offered.includes('digitaloceanInvoices.copyLineItemResourceUuid'), Boolean(item.item.resourceUuid));
    const groupItem = await provider().getTreeItem(withResource);
    assert.ok(!menus['view/item/context'].some((entry) => entry.command.startsWith('digitaloceanInvoices.copyLineItem')
      && new RegExp(/viewItem =~ \/(.+)\/$/.exec(entry.when ?? '')![1]).test(String(groupItem.contextValue))), 'not on a group row');

    await vscode.commands.executeCommand('digitaloceanInvoices.copyLineItemDescription', item);
    assert.strictEqual(await vscode.env.clipboard.readText(), item.item.description);
    await vscode.commands.executeCommand('digitaloceanInvoices.copyLineItemResourceId', item);
    assert.strictEqual(await vscode.env.clipboard.readText(), item.item.resourceId);
  });

  it('loads the 10,000-item invoice in pages of 200, shows 100 items of a group first, then 1,000 more or all', async () => {
    session.fake.clearRequests();
    const invoice = session.fake.data.invoices[0];
    const groups = (await expandedChildren(invoiceNode(invoice.invoice_uuid))).filter((node): node is Node<'group'> => node.kind === 'group');
    const itemRequests = session.fake.requests.filter((request) => request.path.endsWith(invoice.invoice_uuid));
    assert.strictEqual(itemRequests.length, 50);
    assert.ok(itemRequests.every((request) => request.query.per_page === '200'));
    assert.strictEqual(groups.reduce((count, group) => count + group.group.count, 0), 10_000);
    const biggest = groups.reduce((a, b) => (a.group.count > b.group.count ? a : b));
    const shown = provider().getChildren(biggest);
    assert.ok(shown.length <= 102, `${shown.length} rows: 100 items, Show more and Show all`);
    const total = biggest.group.count;
    assert.ok(total > 1100, `${total} items in the biggest group`);
    const groupItem = await provider().getTreeItem(biggest);
    assert.match(String(groupItem.description), new RegExp(` · ${total.toLocaleString('en')} items$`), 'counts with thousands separators');
    const [more, all] = shown.slice(-2) as Node<'moreItems'>[];
    assert.deepStrictEqual([more.kind, all.kind], ['moreItems', 'moreItems']);
    assert.deepStrictEqual([String((await provider().getTreeItem(more)).label), String((await provider().getTreeItem(all)).label)],
      ['Show 1,000 more…', `Show all ${total.toLocaleString('en')}`]);
    assert.strictEqual(String((await provider().getTreeItem(more)).description), `100 of ${total.toLocaleString('en')} shown`);
    await vscode.commands.executeCommand('digitaloceanInvoices.showMoreLineItems', more);
    assert.strictEqual(provider().getChildren(biggest).filter((node) => node.kind === 'item').length, 1100);
    const showAll = provider().getChildren(biggest).at(-1) as Node<'moreItems'>;
    await vscode.commands.executeCommand('digitaloceanInvoices.showMoreLineItems', showAll);
    const everything = provider().getChildren(biggest);
    assert.strictEqual(everything.length, total, 'every item, and no "Show more" row');
    assert.ok(everything.every((node) => node.kind === 'item'));
  });

  describe('grouped by project', () => {
    afterEach(() => setSetting('groupLineItemsBy', undefined));

    const groupsOf = (node: InvoiceNode) => provider().getChildren(node).filter((child): child is Node<'group'> => child.kind === 'group');
    /** The invoice's group rows once they are grouped `by`. */
    const groupedBy = (node: InvoiceNode, by: 'product' | 'project') => waitFor(`the rows by ${by}`, () => {
      const groups = groupsOf(node);
      return groups.length > 0 && groups.every((group) => group.by === by) && groups;
    });
    /** What a group row shows: "$12.34 web · 5 items". */
    const rowText = async (node: InvoiceNode) => {
      const item = await provider().getTreeItem(node);
      return `${String(item.label)} ${String(item.description)}`;
    };
    /** The product or project a group row names. */
    const groupNameShown = async (node: InvoiceNode) => String((await provider().getTreeItem(node)).description).split(' · ')[0];
    /** The first page's invoice with items in several projects and some in none (not the 10,000-item one). */
    const mixedInvoice = () => session.fake.data.invoices.slice(1, 10).find((invoice) => invoice.items.some((item) => item.project_name === '') && invoice.items.length < 2000)!;
    function projectSubtotals(invoice: ReturnType<typeof mixedInvoice>): Map<string, string> {
      const cents = new Map<string, bigint>();
      for (const item of invoice.items) {
        cents.set(item.project_name || '(no project)', (cents.get(item.project_name || '(no project)') ?? 0n) + parseCents(item.amount)!);
      }
      return new Map([...cents].map(([name, subtotal]) => [name, centsToDecimal(subtotal)]));
    }

    it('the setting switches the rows of an expanded invoice to projects and back, without fetching the items again', async () => {
      const invoice = mixedInvoice();
      const node = invoiceNode(invoice.invoice_uuid);
      await expandedChildren(node);
      const byProduct = await Promise.all(groupsOf(node).map(rowText));
      session.fake.clearRequests();

      await setSetting('groupLineItemsBy', 'project');
      const projects = await groupedBy(node, 'project');
      const shown = await Promise.all(projects.map(async (group) => {
        const item = await provider().getTreeItem(group);
        return { name: await groupNameShown(group), label: String(item.label), description: String(item.description), id: item.id, icon: (item.iconPath as vscode.ThemeIcon).id };
      }));
      const expected = projectSubtotals(invoice);
      assert.deepStrictEqual(new Map(projects.map((group, index) => [shown[index].name, centsToDecimal(group.group.subtotalCents)])), expected);
      assert.ok(shown.some((row) => row.name === '(no project)'), JSON.stringify(shown));
      const sizes = projects.map((group) => (group.group.subtotalCents < 0n ? -group.group.subtotalCents : group.group.subtotalCents));
      assert.deepStrictEqual(sizes, [...sizes].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)), 'largest first');
      const counted = (count: number) => (count === 1 ? '1 item' : `${count.toLocaleString('en')} items`);
      projects.forEach((group, index) => {
        assert.strictEqual(shown[index].label, formatCents(group.group.subtotalCents, 'en'));
        assert.strictEqual(shown[index].description, `${shown[index].name} · ${counted(group.group.count)}`);
        assert.strictEqual(shown[index].icon, 'project');
      });
      assert.strictEqual(new Set(shown.map((row) => row.id)).size, shown.length, 'unique row ids');
      const items = provider().getChildren(projects[0]);
      const itemIds = await Promise.all(items.map(async (child) => (await provider().getTreeItem(child)).id));
      assert.strictEqual(new Set(itemIds).size, itemIds.length, 'unique item ids');

      await setSetting('groupLineItemsBy', 'product');
      assert.deepStrictEqual(await Promise.all((await groupedBy(node, 'product')).map(rowText)), byProduct);
      assert.deepStrictEqual(session.fake.requests.filter((request) => request.path.endsWith(invoice.invoice_uuid)), [], 'no line-item request');
    });

    it('the title-bar toggles write the setting, and the rows follow', async () => {
      const invoice = mixedInvoice();
      const node = invoiceNode(invoice.invoice_uuid);
      await expandedChildren(node);
      const setting = () => vscode.workspace.getConfiguration('digitaloceanInvoices').inspect<string>('groupLineItemsBy');

      await vscode.commands.executeCommand('digitaloceanInvoices.groupLineItemsByProject');
      assert.strictEqual(setting()?.globalValue, 'project');
      assert.deepStrictEqual(new Set(await Promise.all((await groupedBy(node, 'project')).map(groupNameShown))), new Set(projectSubtotals(invoice).keys()));

      await vscode.commands.executeCommand('digitaloceanInvoices.groupLineItemsByProduct');
      assert.strictEqual(setting()?.globalValue, 'product');
      assert.deepStrictEqual(new Set(await Promise.all((await groupedBy(node, 'product')).map(groupNameShown))), new Set(invoice.items.map((item) => item.product || '(no product)')));
    });

    it('the toggles write the workspace\'s setting when the workspace sets one (the user\'s would not count)', async () => {
      const config = () => vscode.workspace.getConfiguration('digitaloceanInvoices');
      await config().update('groupLineItemsBy', 'project', vscode.ConfigurationTarget.Workspace);
      try {
        await vscode.commands.executeCommand('digitaloceanInvoices.groupLineItemsByProduct');
        assert.deepStrictEqual([config().inspect('groupLineItemsBy')?.workspaceValue, config().inspect('groupLineItemsBy')?.globalValue], ['product', undefined]);
        assert.strictEqual(config().get('groupLineItemsBy'), 'product');
      } finally {
        await config().update('groupLineItemsBy', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });
  });

  it('expands the month in progress with the preview keyword', async () => {
    session.fake.clearRequests();
    const preview = provider().getChildren().find((node): node is Node<'invoice'> => node.kind === 'invoice' && node.inProgress)!;
    const groups = (await expandedChildren(preview)).filter((node) => node.kind === 'group');
    assert.ok(groups.length > 0);
    assert.ok(session.fake.requests.some((request) => request.path === '/v2/customers/my/invoices/preview'));
  });

  it('marks an invoice incomplete when a page keeps failing, and Retry completes it', async () => {
    const invoice = session.fake.data.invoices.find((candidate) => candidate.invoice_uuid !== session.fake.data.invoices[0].invoice_uuid && candidate.invoice_uuid !== session.fake.data.invoices[1].invoice_uuid)!;
    session.fake.addFault({ kind: 'status', status: 503, path: `/v2/customers/my/invoices/${invoice.invoice_uuid}` });
    const node = invoiceNode(invoice.invoice_uuid);
    const children = await expandedChildren(node);
    const incomplete = children.find((child): child is Node<'itemsIncomplete'> => child.kind === 'itemsIncomplete');
    assert.ok(incomplete, 'an incomplete marker');
    assert.match(await label(incomplete), /could not be loaded/);
    const actions = await Promise.all(provider().getChildren(incomplete).map(label));
    assert.deepStrictEqual(actions, ['Retry', 'Show Log']);
    session.fake.clearFaults();
    await vscode.commands.executeCommand('digitaloceanInvoices.retryLineItems', invoice.invoice_uuid);
    const after = await waitFor('a complete load', () => {
      const current = provider().getChildren(node);
      return !current.some((child) => child.kind === 'itemsIncomplete' || child.kind === 'notice') && current;
    });
    assert.ok(after.every((child) => child.kind === 'group'));
  });
});
