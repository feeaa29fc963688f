import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DAILY_SPEND_VIEW_TYPE, INVOICE_SUMMARY_VIEW_TYPE, SPEND_OVERVIEW_VIEW_TYPE } from '../../../src/constants';
import { parseSummaryState } from '../../../src/invoices/summary/summaryState';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const INVOICE = { invoiceUuid: 'uuid-1', invoiceId: '123', amount: '12.34', period: '2026-10' };

describe('webview panels over a reload', () => {
  it('activates the extension for each panel that VS Code restores', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { activationEvents: string[] };
    for (const viewType of [INVOICE_SUMMARY_VIEW_TYPE, SPEND_OVERVIEW_VIEW_TYPE, DAILY_SPEND_VIEW_TYPE]) {
      assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${viewType}`), viewType);
    }
  });

  it('restores a summary panel from the invoice it saved, and nothing from anything else', () => {
    assert.deepStrictEqual(parseSummaryState({ invoice: INVOICE, inProgress: false }), { invoice: INVOICE, inProgress: false });
    const preview = { ...INVOICE, invoiceUuid: 'preview-uuid', updatedAt: '2026-11-20T10:00:00Z' };
    assert.deepStrictEqual(parseSummaryState({ invoice: { ...preview, extra: '<script>' }, inProgress: true }), { invoice: preview, inProgress: true });
    for (const saved of [
      undefined, null, 'invoice', {}, { invoice: INVOICE }, { invoice: INVOICE, inProgress: 'no' },
      { invoice: { ...INVOICE, invoiceUuid: '' }, inProgress: false }, { invoice: { ...INVOICE, amount: 12.34 }, inProgress: false },
      { invoice: { ...INVOICE, updatedAt: 5 }, inProgress: true }, { invoice: null, inProgress: false },
    ]) {
      assert.strictEqual(parseSummaryState(saved), undefined, JSON.stringify(saved));
    }
  });
});
