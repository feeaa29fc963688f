// The Chart.js configuration of Daily Spend, built from the view the extension posts: one
// stacked bar per day, a dataset per product (the largest at the bottom). Pure (no DOM,
// Chart.js only as types), so unit tests can check it in Node.
import type { ChartConfiguration, Plugin, TooltipItem } from 'chart.js';
import { categoryAxis, valueAxis } from '../../webview/client/chartAxes';
import type { DailyChart } from '../dailySpendView';

/** Colours from VS Code's theme (CSS variables, read by the page). */
export interface DailyColors {
  /** One per series, in the order of the view's series. */
  readonly series: readonly string[];
  readonly text: string;
  readonly grid: string;
  /** The background of a day without figures (not loaded, or before DigitalOcean's data). */
  readonly unavailable: string;
  /** The outline of the chosen day. */
  readonly selected: string;
  readonly fontFamily: string;
  readonly fontSize: number;
}

/** Opacities of the theme's chart colours: six hues, then the same six lighter, then lighter still. */
const TIERS = [1, 0.6, 0.35];

/** The colour of series `index` from the theme's hues as `rgb(r, g, b)`: the hues in turn, lighter on each round. */
export function seriesColor(hues: readonly string[], index: number): string {
  if (hues.length === 0) {
    return 'rgba(128, 128, 128, 1)';
  }
  const hue = hues[index % hues.length];
  const alpha = TIERS[Math.floor(index / hues.length) % TIERS.length];
  const channels = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(hue);
  return channels ? `rgba(${channels[1]}, ${channels[2]}, ${channels[3]}, ${alpha})` : hue;
}

/** Shades the columns of the days without figures, and outlines the chosen day. */
export function dayMarksPlugin(view: DailyChart, colors: DailyColors): Plugin<'bar'> {
  return {
    id: 'dailyMarks',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      const x = chart.scales.x;
      const width = view.days.length > 0 ? (chartArea.right - chartArea.left) / view.days.length : 0;
      ctx.save();
      view.days.forEach((day, index) => {
        const centre = x.getPixelForValue(index);
        if (day.state !== 'known') {
          ctx.fillStyle = colors.unavailable;
          ctx.fillRect(centre - width / 2, chartArea.top, width, chartArea.bottom - chartArea.top);
        }
        if (day.selected) {
          ctx.strokeStyle = colors.selected;
          ctx.lineWidth = 2;
          ctx.strokeRect(centre - width / 2 + 1, chartArea.top + 1, width - 2, chartArea.bottom - chartArea.top - 2);
        }
      });
      ctx.restore();
    },
  };
}

export function dailyChartConfig(view: DailyChart, colors: DailyColors): ChartConfiguration<'bar', (number | null)[], string> {
  const { axis } = view;
  const font = { family: colors.fontFamily, size: colors.fontSize };
  const style = { text: colors.text, grid: colors.grid, font };
  return {
    type: 'bar',
    data: {
      labels: view.days.map((day) => day.short),
      datasets: view.series.map((series, index) => ({
        label: series.label,
        data: view.days.map((day) => day.values[index] ?? null),
        backgroundColor: colors.series[index],
        stack: 'spend',
        maxBarThickness: 32,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: categoryAxis(style, true),
        y: valueAxis(axis, style, { stacked: true }),
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          titleFont: font,
          bodyFont: font,
          footerFont: font,
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => (items[0] ? view.days[items[0].dataIndex]?.label ?? '' : ''),
            label: (item: TooltipItem<'bar'>) => `${view.series[item.datasetIndex]?.label ?? ''}: ${view.days[item.dataIndex]?.amounts[item.datasetIndex] ?? ''}`,
            footer: (items: TooltipItem<'bar'>[]) => (items[0] ? view.days[items[0].dataIndex]?.total ?? '' : ''),
          },
          // The products the day has, largest first as they stack.
          filter: (item: TooltipItem<'bar'>) => (view.days[item.dataIndex]?.amounts[item.datasetIndex] ?? '') !== '',
        },
      },
    },
    plugins: [dayMarksPlugin(view, colors)],
  };
}
