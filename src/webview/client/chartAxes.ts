// The axes both Chart.js pages draw: months or days along the bottom, amounts up the side with
// the ticks the extension chose. Pure (Chart.js only as types), so unit tests can check it.
import type { Scale } from 'chart.js';

/** The value axis as the extension works it out: round amounts and their exact labels. */
export interface ValueAxis {
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly { readonly value: number; readonly label: string }[];
}

export interface AxisStyle {
  readonly text: string;
  readonly grid: string;
  readonly font: { readonly family: string; readonly size: number };
}

export function categoryAxis(style: AxisStyle, stacked = false) {
  return {
    type: 'category' as const,
    stacked,
    grid: { display: false },
    border: { color: style.grid },
    ticks: { color: style.text, font: style.font, autoSkip: true, autoSkipPadding: 12, maxRotation: 0 },
  };
}

export function valueAxis(axis: ValueAxis, style: AxisStyle, options: { readonly logarithmic?: boolean; readonly stacked?: boolean } = {}) {
  return {
    type: options.logarithmic ? 'logarithmic' as const : 'linear' as const,
    stacked: options.stacked ?? false,
    min: axis.min,
    max: axis.max,
    grid: { color: style.grid },
    border: { display: false },
    ticks: {
      color: style.text,
      font: style.font,
      autoSkip: false,
      callback: (value: string | number) => axis.ticks.find((tick) => tick.value === Number(value))?.label ?? '',
    },
    // The ticks the extension chose (round amounts, exact labels), not Chart.js's own.
    afterBuildTicks: (scale: Scale) => {
      scale.ticks = axis.ticks.map((tick) => ({ value: tick.value }));
    },
  };
}
