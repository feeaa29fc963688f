import * as assert from 'assert';
import * as vscode from 'vscode';
import { formatAmount, formatCents, parseCents } from '../../src/util/money';
import { formatPeriod } from '../../src/util/period';
import { EXTENSION_ID, rows, setSetting, useFakeApiSession, waitFor } from './support';

// Only in a host started with the display language German (the other suites expect English):
//   DOI_DISPLAY_LANGUAGE=de DOI_TEST_GREP=German node out/test/host/run-integration.js
if (process.env.DOI_DISPLAY_LANGUAGE === 'de') {
  describe('German display language in the extension host', function () {
    this.timeout(60_000);
    // Before the session sets the token, so that its first page already has 10 invoices (a
    // later change would refresh again while the first page is on screen).
    before(() => setSetting('pageSize', 10));
    after(() => setSetting('pageSize', undefined));
    const session = useFakeApiSession();

    it('gets German from VS Code: the language, the l10n bundle and the manifest strings', () => {
      assert.strictEqual(vscode.env.language, 'de');
      assert.strictEqual(vscode.l10n.bundle?.['Load more…'], 'Mehr laden…');
      const commands = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string; title: string | { value: string } }[] } }).contributes.commands;
      const refresh = commands.find((command) => command.command === 'digitaloceanInvoices.refresh')?.title;
      assert.strictEqual(typeof refresh === 'string' ? refresh : refresh?.value, 'Aktualisieren');
    });

    it('shows the tree in German, with German money and months', async () => {
      const { data } = session.fake;
      const shown = await waitFor('the German tree', async () => {
        const { activity } = session.api.state.snapshot;
        const { balance } = session.api.balance.snapshot;
        if (!balance || activity) {
          return undefined; // the balance follows the token check on its own
        }
        const current = await rows(session.api);
        return current.length > 2 && current[current.length - 1].node.kind === 'loadMore' && current[0].node.kind === 'balance' ? current : undefined;
      });
      assert.strictEqual(shown[0].label, formatAmount(data.balance.month_to_date_balance, 'de'));
      assert.match(shown[0].label, /\d,\d\d\u00a0\$$/);
      assert.strictEqual(shown[0].description, 'Saldo seit Monatsbeginn');
      // Alert rows of the daily spend may stand between the balance and the month in progress.
      const inProgress = shown.find((row) => row.node.kind === 'invoice' && row.node.inProgress)!;
      assert.strictEqual(inProgress.label, formatAmount(data.preview.amount, 'de'));
      assert.strictEqual(inProgress.description, `${formatPeriod(data.preview.invoice_period, 'de')} · laufend`);
      const loadMore = shown[shown.length - 1];
      assert.strictEqual(loadMore.label, 'Mehr laden…');
      assert.strictEqual(loadMore.description, `10 von ${data.invoices.length} geladen`);
    });

    it('groups line items by project in German: the toggle\'s title and "(kein Projekt)"', async () => {
      const commands = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string; title: string | { value: string } }[] } }).contributes.commands;
      const title = (id: string) => {
        const value = commands.find((command) => command.command === id)?.title;
        return typeof value === 'string' ? value : value?.value;
      };
      assert.strictEqual(title('digitaloceanInvoices.groupLineItemsByProject'), 'Positionen nach Projekt gruppieren');
      assert.strictEqual(title('digitaloceanInvoices.groupLineItemsByProduct'), 'Positionen nach Produkt gruppieren');
      const invoice = session.fake.data.invoices.slice(1, 10).find((candidate) => candidate.items.some((item) => item.project_name === '') && candidate.items.length < 2000)!;
      await setSetting('groupLineItemsBy', 'project');
      try {
        const provider = session.api.view.provider;
        const node = provider.getChildren().find((row) => row.kind === 'invoice' && !row.inProgress && row.invoice.invoiceUuid === invoice.invoice_uuid)!;
        const unassigned = await waitFor('the "(kein Projekt)" row', async () => {
          for (const child of provider.getChildren(node)) {
            const item = child.kind === 'group' && child.by === 'project' ? await provider.getTreeItem(child) : undefined;
            if (item && String(item.description).startsWith('(kein Projekt) · ')) {
              return { child, item };
            }
          }
          return undefined;
        }, { timeoutMs: 30_000 });
        const unassignedItems = invoice.items.filter((item) => item.project_name === '');
        const count = unassignedItems.length === 1 ? '1 Position' : `${unassignedItems.length.toLocaleString('de')} Positionen`;
        const subtotal = unassignedItems.reduce((sum, item) => sum + parseCents(item.amount)!, 0n);
        assert.strictEqual(unassigned.item.label, formatCents(subtotal, 'de'));
        assert.strictEqual(unassigned.item.description, `(kein Projekt) · ${count}`);
      } finally {
        await setSetting('groupLineItemsBy', undefined);
      }
    });
  });
}
