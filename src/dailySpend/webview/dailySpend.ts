// Daily Spend's page script (bundled with Chart.js by esbuild.js into media/webview/dailySpend.js):
// draws the stacked chart, the tables and the breakdown from each view the extension posts; a
// click on a day (or Enter on its row) asks for that day's breakdown, the controls for a range
// or a filter. The extension computes every figure and text; this only draws them.
import { BarController, BarElement, CategoryScale, Chart, ChartConfiguration, LinearScale, Tooltip } from 'chart.js';
import { connectPanel } from '../../webview/client/panelClient';
import { onThemeChange, themeFont, themeValue } from '../../webview/client/theme';
import type { DailyChart, DailyResourceRow, DailySpendView } from '../dailySpendView';
import { dailyChartConfig, DailyColors, seriesColor } from './dailyChartConfig';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const HUES = 6;
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const canvas = byId<HTMLCanvasElement>('chart');
let chart: Chart<'bar', (number | null)[], string> | undefined;
let latest: DailySpendView | undefined;
/** The day whose breakdown was asked for here: its heading takes the focus when it arrives. */
let focusBreakdownOf: string | undefined;

/** A theme colour as `rgb(r, g, b)`, whatever form the theme writes it in. */
function resolvedColor(value: string): string {
  const probe = document.createElement('span');
  probe.hidden = true;
  probe.style.color = value;
  document.body.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

/** The theme's colours, through the custom properties of chartPanel.css and dailySpend.css. */
function themeColors(count: number): DailyColors {
  const font = themeFont();
  const hues = Array.from({ length: HUES }, (_, index) => resolvedColor(themeValue(`--series-${index + 1}`, '#3794ff')));
  return {
    series: Array.from({ length: count }, (_, index) => seriesColor(hues, index)),
    text: themeValue('--chart-text', '#888888'),
    grid: themeValue('--chart-grid', 'rgba(128, 128, 128, 0.35)'),
    unavailable: themeValue('--chart-unavailable', 'rgba(128, 128, 128, 0.15)'),
    selected: themeValue('--chart-selected', '#007fd4'),
    fontFamily: font.family,
    fontSize: font.size,
  };
}

function setText(element: HTMLElement, text: string | undefined): void {
  element.textContent = text ?? '';
  element.hidden = !text;
}

function button(command: string, label: string, argument?: string): HTMLButtonElement {
  const control = document.createElement('button');
  control.type = 'button';
  control.dataset.command = command;
  if (argument !== undefined) {
    control.dataset.argument = argument;
  }
  control.textContent = label;
  return control;
}

function cell(tag: 'td' | 'th', text: string): HTMLTableCellElement {
  const element = document.createElement(tag);
  element.textContent = text;
  if (tag === 'th') {
    element.scope = 'row';
  }
  return element;
}

function selectDay(day: string | undefined): void {
  if (day) {
    focusBreakdownOf = day;
    client.post({ type: 'command', command: 'selectDay', argument: day });
  }
}

function fillSelect(select: HTMLSelectElement, options: DailySpendView['products']): void {
  select.replaceChildren(...options.map((option) => {
    const element = document.createElement('option');
    element.value = option.value;
    element.textContent = option.label;
    element.selected = option.selected;
    return element;
  }));
  select.disabled = options.length <= 1;
}

function fillTable(table: HTMLTableElement, caption: string, rows: HTMLTableRowElement[]): void {
  table.caption!.textContent = caption;
  table.tBodies[0].replaceChildren(...rows);
  table.hidden = rows.length === 0;
}

function resourceRows(rows: readonly DailyResourceRow[]): HTMLTableRowElement[] {
  return rows.map((row) => {
    const element = document.createElement('tr');
    element.append(cell('th', row.label), cell('td', row.detail), cell('td', row.products), cell('td', row.amount));
    element.lastElementChild!.className = 'amount';
    return element;
  });
}

function drawLegend(view: DailyChart, colors: DailyColors): void {
  byId('legend').replaceChildren(...view.series.map((series, index) => {
    const item = document.createElement('span');
    item.className = 'legend-item';
    const key = document.createElement('span');
    key.className = 'key';
    key.setAttribute('aria-hidden', 'true');
    key.style.backgroundColor = colors.series[index];
    item.append(key, `${series.label} ${series.total}`);
    return item;
  }));
}

function drawDaysTable(view: DailyChart): void {
  const table = byId<HTMLTableElement>('days');
  table.caption!.textContent = view.tableCaption;
  const head = document.createElement('tr');
  for (const label of view.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    head.append(th);
  }
  table.tHead!.replaceChildren(head);
  const rows = [...view.days].reverse().map((day) => {
    const row = document.createElement('tr');
    row.tabIndex = 0;
    row.dataset.day = day.day;
    row.className = day.state === 'known' ? '' : 'unavailable';
    if (day.selected) {
      row.setAttribute('aria-current', 'true');
    }
    row.append(cell('th', day.label), cell('td', day.total), ...day.amounts.map((amount) => cell('td', amount)));
    return row;
  });
  table.tBodies[0].replaceChildren(...rows);
}

function drawBreakdown(view: DailyChart): void {
  const section = byId('breakdown');
  const breakdown = view.breakdown;
  section.hidden = !breakdown;
  if (!breakdown) {
    return;
  }
  byId('breakdown-heading').textContent = breakdown.heading;
  setText(byId('breakdown-note'), breakdown.note);
  fillTable(byId<HTMLTableElement>('breakdown-products'), breakdown.productsCaption, breakdown.products.map((product) => {
    const row = document.createElement('tr');
    row.append(cell('th', product.label), cell('td', product.amount), cell('td', product.share));
    return row;
  }));
  fillTable(byId<HTMLTableElement>('breakdown-resources'), breakdown.resourcesCaption, resourceRows(breakdown.resources));
  byId('breakdown-close').textContent = breakdown.close;
  if (focusBreakdownOf === breakdown.day) {
    focusBreakdownOf = undefined;
    byId('breakdown-heading').focus();
  }
}

const handlers: NonNullable<ChartConfiguration<'bar'>['options']> = {
  onClick: (event) => {
    const index = event.x === null || !chart ? undefined : chart.scales.x.getValueForPixel(event.x);
    selectDay(index === undefined ? undefined : latest?.chart?.days[Math.round(index)]?.day);
  },
  onHover: (event) => {
    (event.native?.target as HTMLElement | undefined)?.style.setProperty('cursor', 'pointer');
  },
};

function drawChart(view: DailyChart): void {
  const colors = themeColors(view.series.length);
  drawLegend(view, colors);
  const config = dailyChartConfig(view, colors);
  // Drawn anew for each view (they come seldom): Chart.js cannot swap its plugins in place.
  chart?.destroy();
  chart = new Chart(canvas, { ...config, options: { ...config.options, ...handlers } });
  canvas.setAttribute('aria-label', view.description);
  // What Chart.js drew, for the UI tests: the value axis' labels, and where each day's bar stands.
  const drawn = chart;
  canvas.dataset.axis = (drawn.scales.y?.ticks ?? []).map((tick) => String(tick.label ?? '')).filter(Boolean).join(' | ');
  canvas.dataset.dayCentres = view.days.map((_, index) => Math.round(drawn.scales.x.getPixelForValue(index))).join(',');
}

function drawStatus(view: DailySpendView): void {
  const status = byId('status');
  status.hidden = !view.status;
  status.className = `status ${view.status?.kind ?? ''}`;
  const text = byId('status-text');
  text.textContent = view.status?.message ?? '';
  text.className = view.status?.kind === 'loading' ? 'loading' : '';
  byId('status-actions').replaceChildren(...(view.status?.actions ?? []).map((action) => button(action.command, action.label)));
  byId('notes').replaceChildren(...view.notes.map((note) => {
    const item = document.createElement('li');
    item.textContent = note;
    return item;
  }));
}

function draw(view: DailySpendView): void {
  latest = view;
  byId('ranges').replaceChildren(...view.ranges.map((range) => {
    const control = button('setRange', range.label, range.choice);
    control.setAttribute('aria-pressed', String(range.pressed));
    return control;
  }));
  fillSelect(byId<HTMLSelectElement>('product'), view.products);
  fillSelect(byId<HTMLSelectElement>('region'), view.regions);
  byId('heading').textContent = view.heading;
  drawStatus(view);
  const content = view.chart;
  byId('content').hidden = !content;
  if (!content) {
    chart?.destroy();
    chart = undefined;
    return;
  }
  byId('summary').textContent = content.summary;
  setText(byId('before-data'), content.beforeData);
  byId('missing').hidden = !content.missing;
  byId('missing-text').textContent = content.missing ?? '';
  setText(byId('empty'), content.empty);
  byId('chart-part').hidden = content.empty !== undefined;
  drawChart(content);
  drawBreakdown(content);
  fillTable(byId<HTMLTableElement>('resources'), content.resourcesCaption, resourceRows(content.resources));
  setText(byId('more-resources'), content.moreResources);
  drawDaysTable(content);
}

const client = connectPanel<DailySpendView>(draw);

document.querySelectorAll<HTMLSelectElement>('select[data-filter]').forEach((select) => {
  select.addEventListener('change', () => client.post({ type: 'command', command: select.dataset.filter!, argument: select.value }));
});

const daysBody = byId<HTMLTableElement>('days').tBodies[0];
daysBody.addEventListener('click', (event) => selectDay((event.target as Element).closest<HTMLElement>('tr')?.dataset.day));
daysBody.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    selectDay((event.target as Element).closest<HTMLElement>('tr')?.dataset.day);
  }
});

onThemeChange(() => {
  if (latest?.chart) {
    drawChart(latest.chart);
  }
});
