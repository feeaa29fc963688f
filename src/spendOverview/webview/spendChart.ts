// The spend overview's page script (bundled with Chart.js by esbuild.js into
// media/webview/spendChart.js): draws the chart and the table from each view the extension
// posts; a click on a bar or a table row (Enter or Space too) reveals that invoice.
import { BarController, BarElement, CategoryScale, Chart, ChartConfiguration, LinearScale, LogarithmicScale, Tooltip } from 'chart.js';
import { connectPanel } from '../../webview/client/panelClient';
import { onThemeChange, themeFont, themeValue } from '../../webview/client/theme';
import type { SpendChartView } from '../chartView';
import { ChartColors, chartConfig } from './chartConfig';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LogarithmicScale, Tooltip);

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const canvas = byId<HTMLCanvasElement>('chart');
let chart: Chart<'bar', (number | null)[], string> | undefined;
let latest: SpendChartView | undefined;

/** The theme's colours, through the custom properties of chartPanel.css and spendChart.css. */
function themeColors(): ChartColors {
  const font = themeFont();
  return {
    actual: themeValue('--chart-actual', '#3794ff'),
    current: themeValue('--chart-current', '#89d185'),
    projection: themeValue('--chart-projection', '#d18616'),
    budget: themeValue('--chart-budget', '#f14c4c'),
    text: themeValue('--chart-text', '#888888'),
    grid: themeValue('--chart-grid', 'rgba(128, 128, 128, 0.35)'),
    background: themeValue('--chart-background', '#ffffff'),
    fontFamily: font.family,
    fontSize: font.size,
  };
}

function setText(element: HTMLElement, text: string | undefined): void {
  element.textContent = text ?? '';
  element.hidden = !text;
}

function reveal(invoiceUuid: string | undefined): void {
  if (invoiceUuid) {
    client.post({ type: 'command', command: 'reveal', argument: invoiceUuid });
  }
}

function drawTable(view: SpendChartView): void {
  const rows = [...view.bars].reverse().map((bar) => {
    const row = document.createElement('tr');
    row.tabIndex = 0;
    row.dataset.uuid = bar.invoiceUuid;
    const month = document.createElement('th');
    month.scope = 'row';
    month.textContent = bar.month;
    if (bar.inProgress) {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = view.inProgressBadge;
      month.append(' ', badge);
    }
    const amount = document.createElement('td');
    amount.textContent = bar.amount;
    const projected = document.createElement('td');
    projected.textContent = bar.projected ?? '';
    row.append(month, amount, projected);
    return row;
  });
  byId('rows').replaceChildren(...rows);
}

const handlers: NonNullable<ChartConfiguration<'bar'>['options']> = {
  onClick: (_event, elements) => reveal(latest?.bars[elements[0]?.index ?? -1]?.invoiceUuid),
  onHover: (event, elements) => {
    (event.native?.target as HTMLElement | undefined)?.style.setProperty('cursor', elements.length > 0 ? 'pointer' : 'default');
  },
};

function drawChart(view: SpendChartView): void {
  const config = chartConfig(view, themeColors());
  // Drawn anew for each view (they come seldom): Chart.js cannot swap its plugins in place.
  chart?.destroy();
  chart = new Chart(canvas, { ...config, options: { ...config.options, ...handlers } });
  // Its name is the extension's description; data-axis keeps the labels Chart.js drew on the
  // value axis after layout (the UI tests read them).
  const drawn = chart.scales.y?.ticks.map((tick) => String(tick.label ?? '')).filter(Boolean) ?? [];
  canvas.setAttribute('aria-label', view.description);
  canvas.dataset.axis = drawn.join(' | ');
}

function draw(view: SpendChartView): void {
  latest = view;
  byId('loading').hidden = true;
  byId('overview').hidden = false;
  setText(byId('empty'), view.empty);
  byId('chart-part').hidden = view.bars.length === 0;
  const budgetKey = byId('budget-key');
  budgetKey.hidden = !view.budget;
  budgetKey.querySelector('.legend-text')!.textContent = view.budget?.label ?? '';
  const months = byId<HTMLButtonElement>('months');
  setText(months, view.monthsCommand?.label);
  months.dataset.command = view.monthsCommand?.command ?? '';
  setText(byId('months-note'), view.monthsNote);
  byId('scale').setAttribute('aria-pressed', String(view.logarithmic));
  setText(byId('capped-note'), view.cappedNote);
  drawTable(view);
  if (view.bars.length > 0) {
    drawChart(view);
  }
}

const client = connectPanel<SpendChartView>(draw);

byId('rows').addEventListener('click', (event) => reveal((event.target as Element).closest<HTMLElement>('tr')?.dataset.uuid));
byId('rows').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    reveal((event.target as Element).closest<HTMLElement>('tr')?.dataset.uuid);
  }
});

onThemeChange(() => {
  if (latest && latest.bars.length > 0) {
    drawChart(latest);
  }
});
