// The Chart.js configuration of the spend overview, built from the view the extension posts.
// Pure (no DOM, Chart.js only as types), so unit tests can check it in Node.
import type { ChartConfiguration, Plugin, TooltipItem } from 'chart.js';
import { categoryAxis, valueAxis } from '../../webview/client/chartAxes';
import type { SpendChartView } from '../chartView';

/** Colours from VS Code's theme (CSS variables, read by the page). */
export interface ChartColors {
  readonly actual: string;
  readonly current: string;
  readonly projection: string;
  readonly budget: string;
  readonly text: string;
  readonly grid: string;
  readonly background: string;
  readonly fontFamily: string;
  readonly fontSize: number;
}

/** Room above the chart for the amount written over a capped bar. */
const CAPPED_LABEL_SPACE = 20;

/**
 * Draws what Chart.js has no element for: the budget line across the chart, and on each bar
 * cut off at the top of the axis a break and its amount.
 */
export function overlayPlugin(view: SpendChartView, colors: ChartColors): Plugin<'bar'> {
  return {
    id: 'spendOverlay',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      const y = chart.scales.y;
      ctx.save();
      if (view.budget && view.budget.value >= y.min && view.budget.value <= y.max) {
        const at = Math.round(y.getPixelForValue(view.budget.value)) + 0.5;
        ctx.strokeStyle = colors.budget;
        ctx.lineWidth = 2;
        ctx.setLineDash([6, 4]);
        ctx.beginPath();
        ctx.moveTo(chartArea.left, at);
        ctx.lineTo(chartArea.right, at);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      const bars = chart.getDatasetMeta(0).data;
      ctx.font = `${colors.fontSize}px ${colors.fontFamily}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      view.bars.forEach((bar, index) => {
        const element = bars[index] as unknown as { x: number; width: number } | undefined;
        if (!bar.capped || !element) {
          return;
        }
        const half = element.width / 2;
        const top = chartArea.top + 10;
        // A zigzag in the background colour: the bar goes on beyond the axis.
        ctx.strokeStyle = colors.background;
        ctx.lineWidth = 3;
        ctx.beginPath();
        ctx.moveTo(element.x - half, top + 4);
        ctx.lineTo(element.x - half / 3, top);
        ctx.lineTo(element.x + half / 3, top + 4);
        ctx.lineTo(element.x + half, top);
        ctx.stroke();
        // Centred over the bar, but whole inside the canvas (the last bar stands at its edge).
        const halfText = ctx.measureText(bar.amount).width / 2;
        const x = Math.min(Math.max(element.x, halfText + 2), chart.width - halfText - 2);
        ctx.fillStyle = colors.text;
        ctx.fillText(bar.amount, x, chartArea.top - 4);
      });
      ctx.restore();
    },
  };
}

function clip(value: number, max: number): number {
  return Math.min(value, max);
}

export function chartConfig(view: SpendChartView, colors: ChartColors): ChartConfiguration<'bar', (number | null)[], string> {
  const { axis } = view;
  const font = { family: colors.fontFamily, size: colors.fontSize };
  const style = { text: colors.text, grid: colors.grid, font };
  const anyCapped = view.bars.some((bar) => bar.capped);
  return {
    type: 'bar',
    data: {
      labels: view.bars.map((bar) => bar.shortMonth),
      datasets: [
        {
          label: 'actual',
          data: view.bars.map((bar) => clip(bar.value, axis.max)),
          backgroundColor: view.bars.map((bar) => (bar.inProgress ? colors.current : colors.actual)),
          order: 0,
          maxBarThickness: 48,
        },
        {
          label: 'projection',
          data: view.bars.map((bar) => (bar.projection === undefined ? null : clip(bar.projection, axis.max))),
          backgroundColor: 'transparent',
          borderColor: colors.projection,
          borderWidth: 2,
          grouped: false,
          order: 1,
          maxBarThickness: 48,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { top: anyCapped ? CAPPED_LABEL_SPACE : 4 } },
      scales: {
        x: categoryAxis(style),
        y: valueAxis(axis, style, { logarithmic: axis.logarithmic }),
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          titleFont: font,
          bodyFont: font,
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => (items[0] ? view.bars[items[0].dataIndex]?.month ?? '' : ''),
            label: (item: TooltipItem<'bar'>) => [...(view.bars[item.dataIndex]?.details ?? [])],
          },
          // One tooltip per month: the projection is among its lines.
          filter: (item: TooltipItem<'bar'>) => item.datasetIndex === 0,
        },
      },
    },
    plugins: [overlayPlugin(view, colors)],
  };
}
