// What the spend overview's page shows, read from its frame (the chart is a canvas).
import type { Frame } from 'playwright-core';
import { waitUntil } from './fixture';

/** The value axis' labels as Chart.js drew them, bottom up (the page writes them on the canvas' data-axis). */
export async function drawnAxis(chart: Frame): Promise<string[]> {
  const axis = (await chart.locator('canvas#chart').getAttribute('data-axis')) ?? '';
  return axis.split(' | ').filter(Boolean);
}

/** How many pixels of the chart's canvas are painted. */
export function paintedPixels(chart: Frame): Promise<number> {
  return chart.locator('canvas#chart').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
    let painted = 0;
    for (let alpha = 3; alpha < data.length; alpha += 4) {
      painted += data[alpha] > 0 ? 1 : 0;
    }
    return painted;
  });
}

/** The month names in the table's rows, newest first. */
export function tableMonths(chart: Frame): Promise<string[]> {
  return chart.locator('table tbody tr th').evaluateAll((cells) => cells.map((cell) => cell.firstChild?.textContent?.trim() ?? ''));
}

/** Waits until the table has `count` rows. */
export function waitForTableRows(chart: Frame, count: number): Promise<true> {
  return waitUntil(`${count} rows in the spend overview's table`, async () =>
    ((await chart.locator('table tbody tr').count()) === count ? true : undefined));
}
