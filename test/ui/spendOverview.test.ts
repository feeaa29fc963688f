// The spend overview in the workbench with the sandbox's data: one month of $200,000 and more
// among months of tens of dollars, 21 and then 41 months loaded, light and dark themes, and the
// panels coming back after a window reload. The token comes from DIGITALOCEAN_ACCESS_TOKEN (the
// Environment account), which survives the reload; a pasted one would not in this host.
import * as assert from 'assert';
import type { Frame } from 'playwright-core';
import { BALANCE_ROW, money, month, previewRow } from './expected';
import { watchPageProblems } from './pageProblems';
import { exactly, FAKE_TOKEN, updateReadmeScreenshot, useWorkbench, VIEW_CONTAINER_TITLE, waitUntil } from './fixture';
import { drawnAxis, paintedPixels, tableMonths, waitForTableRows } from './spendChart';

/** Within the usual months and above most of them, so the budget line shows on the axis. */
const BUDGET_DOLLARS = 1200;

describe('Spend overview: outliers, month counts, themes and a reload', () => {
  const ui = useWorkbench({
    env: { DIGITALOCEAN_ACCESS_TOKEN: FAKE_TOKEN },
    settings: { 'digitaloceanInvoices.monthlyBudget': BUDGET_DOLLARS },
    viewport: { width: 1280, height: 900 },
  });
  let chart: Frame;
  /** Script errors and CSP refusals in the workbench and its webviews. */
  let problems: string[] = [];

  const openChart = async (timeoutMs?: number) => {
    chart = await ui.waitForFrameWith('canvas#chart[data-axis]', timeoutMs);
    return chart;
  };
  const chooseTheme = async (name: string, bodyClass: string) => {
    await ui.runCommand('Preferences: Color Theme');
    await ui.answerInput(name);
    await waitUntil(`the ${name} theme in the webview`, async () =>
      (await chart.locator(`body.${bodyClass}`).count()) > 0 ? true : undefined);
  };

  before(async () => {
    problems = watchPageProblems(ui.page);
    await ui.openView();
    await ui.runCommand(`${VIEW_CONTAINER_TITLE}: Switch Account`);
    await ui.page.locator('.quick-input-widget').getByRole('option', { name: /^Environment/ }).click();
    await ui.waitForTreeItem(exactly(previewRow(ui.fakeApi.api.data.preview)));
    await ui.waitForTreeItem(BALANCE_ROW);
  });

  it('caps the outlier month with its amount, so the others keep their height', async () => {
    const { invoices } = ui.fakeApi.api.data;
    // The fake's newest closed invoice carries 10,000 line items: the sandbox's outlier.
    const outlier = invoices[0];
    assert.ok(Number(outlier.amount) > 100 * Number(invoices[1].amount), `${outlier.amount} vs ${invoices[1].amount}`);
    await ui.runCommand(`${VIEW_CONTAINER_TITLE}: Show Spend Overview`);
    await openChart();
    await waitForTableRows(chart, 12);
    const cappedNote = chart.locator('#capped-note');
    assert.strictEqual(await cappedNote.textContent(),
      `Above the axis, cut off: ${month(outlier)} (${money(outlier.amount)}). The logarithmic scale shows every month in full.`);
    const axis = await drawnAxis(chart);
    const top = Number(axis[axis.length - 1].replace(/[$,]/g, ''));
    assert.ok(top < Number(outlier.amount) / 10, `the axis ends at ${axis[axis.length - 1]}, far below the outlier`);
    assert.ok(await paintedPixels(chart) > 1000, 'Chart.js has drawn on the canvas');
  });

  it('shows all loaded months and goes back to 12, with readable labels', async () => {
    await chart.getByRole('button', { name: 'Show all 21 loaded months' }).click();
    await waitForTableRows(chart, 21);
    // "Load more…" in the tree: the chart follows the list.
    const loadMore = await ui.scrollTreeToEnd();
    assert.match((await loadMore.getAttribute('aria-label')) ?? '', /^Load more…/);
    await loadMore.click();
    await waitForTableRows(chart, 41);
    await ui.screenshot('spend-overview-41-months', ui.page.locator('.part.editor'));
    await chart.getByRole('button', { name: 'Show the last 12 months' }).click();
    await waitForTableRows(chart, 12);
    await chart.getByRole('button', { name: 'Show all 41 loaded months' }).click();
    await waitForTableRows(chart, 41);
  });

  it('offers a logarithmic scale that shows every month in full', async () => {
    const scale = chart.getByRole('button', { name: 'Logarithmic scale' });
    await scale.click();
    await waitUntil('the logarithmic scale', async () => ((await scale.getAttribute('aria-pressed')) === 'true' ? true : undefined));
    await chart.locator('#capped-note').waitFor({ state: 'hidden' });
    assert.match((await chart.locator('canvas#chart').getAttribute('aria-label')) ?? '', /logarithmic value axis from \$\S+ to \$\S+\.$/);
    await waitUntil('the logarithmic axis drawn', async () => ((await drawnAxis(chart)).includes('$1M') ? true : undefined));
  });

  it('draws in the light and the dark theme with the theme’s colours', async () => {
    await scaleTo(false);
    await chart.getByRole('button', { name: 'Show the last 12 months' }).click();
    await waitForTableRows(chart, 12);
    await ui.page.mouse.move(0, 0);
    // The alerts on daily spend would stand over the chart.
    await ui.runCommand('Notifications: Clear All Notifications');
    await chooseTheme('Light Modern', 'vscode-light');
    updateReadmeScreenshot(await ui.screenshot('spend-overview-light', ui.page.locator('.part.editor')), 'spend-overview.png');
    await chooseTheme('Dark Modern', 'vscode-dark');
    await ui.screenshot('spend-overview-dark', ui.page.locator('.part.editor'));
  });

  it('comes back after a window reload with the months and scale it had, and so does a summary', async () => {
    await chart.getByRole('button', { name: 'Show all 41 loaded months' }).click();
    await waitForTableRows(chart, 41);
    await scaleTo(true);
    const closed = ui.fakeApi.api.data.invoices[1];
    await ui.runCommand(`${VIEW_CONTAINER_TITLE}: Show Invoice Summary`);
    await ui.answerInput(month(closed));
    const summaryTab = ui.page.locator('.tabs-container .tab').filter({ hasText: `Invoice ${month(closed)}` });
    await summaryTab.waitFor();
    await ui.waitForFrameWith('tfoot td.amount');

    const reloaded = ui.page.waitForEvent('load');
    await ui.runCommand('Developer: Reload Window');
    await reloaded;
    await summaryTab.waitFor();
    const summary = await ui.waitForFrameWith('tfoot td.amount');
    assert.strictEqual(await summary.locator('tfoot td.amount').textContent(), money(closed.amount));

    const spendTab = ui.page.locator('.tabs-container .tab').filter({ hasText: 'DigitalOcean Spend Overview' });
    await spendTab.click();
    await openChart(15_000).catch(async () => {
      // VS Code 1.100's web webview host can wait forever for its service worker's
      // controllerchange when two webviews start at once after a reload ("Found unexpected
      // service worker controller … Waiting for controllerchange"; microsoft/vscode#312020
      // reworks that wait): the tab stays blank until it is shown again, as a user would do.
      await summaryTab.click();
      await spendTab.click();
    });
    await openChart();
    // All loaded months, as before the reload: the cache shows them at once, and the refresh
    // after it fetches page 1 again and keeps the pages loaded after it (40 and the preview).
    await waitForTableRows(chart, 41);
    await chart.getByRole('button', { name: 'Show the last 12 months' }).waitFor();
    assert.strictEqual(await chart.getByRole('button', { name: 'Logarithmic scale' }).getAttribute('aria-pressed'), 'true');
    assert.deepStrictEqual((await tableMonths(chart)).slice(0, 2), [month(ui.fakeApi.api.data.preview), month(ui.fakeApi.api.data.invoices[0])]);
    assert.ok(await paintedPixels(chart) > 1000);
    await ui.screenshot('spend-overview-after-reload', ui.page.locator('.part.editor'));
  });

  after(() => {
    assert.deepStrictEqual(problems, [], 'no script error and nothing the CSP refused');
  });

  async function scaleTo(logarithmic: boolean): Promise<void> {
    const scale = chart.getByRole('button', { name: 'Logarithmic scale' });
    if ((await scale.getAttribute('aria-pressed')) !== String(logarithmic)) {
      await scale.click();
    }
    await waitUntil('the scale', async () => ((await scale.getAttribute('aria-pressed')) === String(logarithmic) ? true : undefined));
  }
});
