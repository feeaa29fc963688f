// Daily Spend in the workbench with the fake API's daily data: opened from the palette, a bar
// clicked and a row chosen with Enter for a day's breakdown, a product filter, 90 days, an
// alert row of the Invoices view revealed into Daily Spend at its day, light and dark themes
// (the README's screenshot).
import * as assert from 'assert';
import type { Frame } from 'playwright-core';
import { addDays, dayOf } from '../../src/api/days';
import { formatCents, parseCents } from '../../src/util/money';
import { formatDate } from '../../src/util/period';
import { FLEET_EVENTS } from '../fake-api/server';
import { BALANCE_ROW, LOCALE, previewRow } from './expected';
import { watchPageProblems } from './pageProblems';
import { exactly, FAKE_TOKEN, updateReadmeScreenshot, useWorkbench, VIEW_CONTAINER_TITLE, waitUntil } from './fixture';
import { paintedPixels } from './spendChart';

const fullDay = (day: string) => new Intl.DateTimeFormat(LOCALE, { dateStyle: 'full', timeZone: 'UTC' }).format(Date.parse(`${day}T00:00:00Z`));

describe('Daily Spend: palette, a day clicked, an alert row, themes', () => {
  const ui = useWorkbench({
    env: { DIGITALOCEAN_ACCESS_TOKEN: FAKE_TOKEN },
    viewport: { width: 1280, height: 900 },
  });
  let daily: Frame;
  /** Script errors and CSP refusals in the workbench and its webviews. */
  let problems: string[] = [];
  const today = dayOf(Date.now());
  const yesterday = addDays(today, -1);
  const spikeDay = addDays(today, -FLEET_EVENTS.spikeDaysAgo);

  /** The fake's exact total of the days from `start` to `end`. */
  const fakeTotal = (start: string, end: string) => formatCents(ui.fakeApi.api.data.insights.dataPoints
    .filter((point) => point.start_date >= start && point.start_date <= end)
    .reduce((sum, point) => sum + parseCents(point.total_amount)!, 0n), LOCALE);
  const dayRows = () => daily.locator('#days tbody tr');
  const waitForDays = (count: number) => waitUntil(`${count} days in the table`, async () => ((await dayRows().count()) === count ? true : undefined));
  const breakdownHeading = () => daily.locator('#breakdown-heading');
  const waitForBreakdown = (day: string) => waitUntil(`the breakdown of ${day}`, async () => {
    const heading = (await breakdownHeading().isVisible()) ? await breakdownHeading().textContent() : '';
    return heading?.startsWith(`${fullDay(day)}: `) ? heading : undefined;
  });
  const chooseTheme = async (name: string, bodyClass: string) => {
    await ui.runCommand('Preferences: Color Theme');
    await ui.answerInput(name);
    await waitUntil(`the ${name} theme in the webview`, async () => ((await daily.locator(`body.${bodyClass}`).count()) > 0 ? true : undefined));
  };

  before(async () => {
    problems = watchPageProblems(ui.page);
    await ui.openView();
    await ui.waitForTreeItem(exactly(previewRow(ui.fakeApi.api.data.preview)));
    await ui.waitForTreeItem(BALANCE_ROW);
  });

  it('opens from the palette with the last 30 days stacked by product', async () => {
    await ui.runCommand(`${VIEW_CONTAINER_TITLE}: Show Daily Spend`);
    daily = await ui.waitForFrameWith('canvas#chart[data-day-centres]');
    await waitForDays(30);
    const start = addDays(yesterday, -29);
    assert.strictEqual(await daily.locator('#heading').textContent(), `Last 30 days: ${formatDate(start, LOCALE)} to ${formatDate(yesterday, LOCALE)}`);
    assert.strictEqual(await daily.locator('#summary').textContent(), `Total ${fakeTotal(start, yesterday)} in 30 days`);
    assert.strictEqual(await daily.getByRole('button', { name: '30 days' }).getAttribute('aria-pressed'), 'true');
    const legend = await daily.locator('#legend .legend-item').allTextContents();
    assert.ok(legend.length >= 10 && legend[0].startsWith('Droplets '), legend.join(' / '));
    assert.ok(legend.some((item) => item.startsWith('1-DO-GENAI-0001 ')), 'the unknown family under its SKU');
    assert.match((await daily.locator('canvas#chart').getAttribute('aria-label')) ?? '', /^Stacked bar chart of the daily spend by product from /);
    assert.ok(await paintedPixels(daily) > 1000, 'Chart.js has drawn on the canvas');
    assert.strictEqual(await daily.locator('#resources tbody tr').count(), 10);
  });

  it('shows the breakdown of a day whose bar is clicked, and of a row chosen with Enter', async () => {
    const canvas = daily.locator('canvas#chart');
    const centres = ((await canvas.getAttribute('data-day-centres')) ?? '').split(',').map(Number);
    const index = 29 - (FLEET_EVENTS.spikeDaysAgo - 1);
    const box = (await canvas.boundingBox())!;
    await canvas.click({ position: { x: centres[index], y: box.height / 2 } });
    const heading = await waitForBreakdown(spikeDay);
    assert.strictEqual(heading, `${fullDay(spikeDay)}: ${fakeTotal(spikeDay, spikeDay)}`);
    assert.ok((await daily.locator('#breakdown-products tbody th').allTextContents()).includes('Bandwidth'), 'the spike is in it');
    assert.strictEqual(await daily.locator('#breakdown-resources tbody tr').first().locator('th').textContent(), 'Outbound data transfer overage (2840 GiB)');
    assert.strictEqual(await daily.evaluate(() => document.activeElement?.id), 'breakdown-heading', 'the focus goes to the breakdown');
    assert.strictEqual(await dayRows().filter({ has: daily.locator('th', { hasText: formatDate(spikeDay, LOCALE) }) }).getAttribute('aria-current'), 'true');

    // The same from the keyboard: the table's rows, newest first.
    const row = dayRows().nth(1);
    await row.focus();
    await row.press('Enter');
    await waitForBreakdown(addDays(yesterday, -1));
    await ui.screenshot('daily-spend-breakdown', ui.page.locator('.part.editor'));
  });

  it('filters by product and shows 90 days', async () => {
    await daily.locator('select#product').selectOption('k:product:Kubernetes');
    await waitUntil('Kubernetes alone', async () => ((await daily.locator('#legend .legend-item').count()) === 1 ? true : undefined));
    assert.deepStrictEqual(await daily.locator('#days thead th').allTextContents(), ['Day', 'Total', 'Kubernetes']);
    await daily.locator('select#product').selectOption('all');
    await daily.getByRole('button', { name: '90 days' }).click();
    await waitForDays(90);
    const start = addDays(yesterday, -89);
    assert.strictEqual(await daily.locator('#summary').textContent(), `Total ${fakeTotal(start, yesterday)} in 90 days`);
    assert.ok(await daily.locator('#status').isHidden(), 'loaded: no progress left');
    await daily.getByRole('button', { name: '30 days' }).click();
    await waitForDays(30);
  });

  it('reveals an alert row of the Invoices view into Daily Spend at its day', async () => {
    // The alerts stand collapsed in one row under the balance: opened, each is a row of its own.
    // Its accessible name is its tooltip (the alerts' texts): found by the text it shows.
    const alerts = ui.alertsRow();
    await alerts.waitFor();
    if ((await alerts.getAttribute('aria-expanded')) !== 'true') {
      await alerts.click();
    }
    const alert = await ui.waitForTreeItem(new RegExp(`^Spend on ${formatDate(spikeDay, LOCALE).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} rose `));
    await alert.click();
    await waitForBreakdown(spikeDay);
    assert.strictEqual(await ui.page.locator('.tabs-container .tab').filter({ hasText: 'DigitalOcean Daily Spend' }).count(), 1, 'the open panel is revealed, not a second one');
  });

  it('draws in the light and the dark theme with the theme’s colours', async () => {
    await ui.page.mouse.move(0, 0);
    // The alerts' notification would stand over the page.
    await ui.runCommand('Notifications: Clear All Notifications');
    await chooseTheme('Light Modern', 'vscode-light');
    await waitForBreakdown(spikeDay);
    updateReadmeScreenshot(await ui.screenshot('daily-spend-light', ui.page.locator('.part.editor')), 'daily-spend.png');
    await chooseTheme('Dark Modern', 'vscode-dark');
    assert.ok(await paintedPixels(daily) > 1000);
    await ui.screenshot('daily-spend-dark', ui.page.locator('.part.editor'));
  });

  after(() => {
    assert.deepStrictEqual(problems, [], 'no script error and nothing the CSP refused');
  });
});
