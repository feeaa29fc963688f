import { escapeHtml as escape, webviewDocument } from '../util/html';
import { formatCents } from '../util/money';
import { formatPeriod } from '../util/period';
import { l10n } from '../util/l10n';
import { ChartModel } from './chartModel';

export interface ChartPage {
  readonly model: ChartModel;
  readonly locale: string;
  readonly nonce: string;
  /** webview.cspSource */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly title: string;
}

const WIDTH = 720;
const HEIGHT = 260;
const AXIS = 28;

/** Height in pixels of an amount; bigint math keeps huge amounts from overflowing a float. */
function scale(cents: bigint, max: bigint): number {
  if (max <= 0n || cents <= 0n) {
    return 0;
  }
  return Number((cents * BigInt(HEIGHT - AXIS) * 1000n) / max) / 1000;
}

/** The whole webview document: an SVG bar chart and a table of the same figures. */
export function renderChartPage(page: ChartPage): string {
  const { model, locale } = page;
  const money = (cents: bigint) => formatCents(cents, locale);
  const slot = WIDTH / Math.max(1, model.bars.length);
  const barWidth = Math.min(48, slot * 0.7);
  const base = HEIGHT - AXIS;
  const bars = model.bars.map((bar, index) => {
    const x = index * slot + (slot - barWidth) / 2;
    const height = scale(bar.cents, model.maxCents);
    const month = formatPeriod(bar.period, locale);
    const label = bar.inProgress
      ? l10n.t('{0}: {1} so far, projected {2} (month in progress)', month, money(bar.cents), bar.projectedCents === undefined ? '—' : money(bar.projectedCents))
      : l10n.t('{0}: {1}', month, money(bar.cents));
    const projected = bar.inProgress && bar.projectedCents !== undefined
      ? `<rect class="projection" x="${x}" y="${base - scale(bar.projectedCents, model.maxCents)}" width="${barWidth}" height="${scale(bar.projectedCents, model.maxCents)}"/>`
      : '';
    return `<g class="bar${bar.inProgress ? ' in-progress' : ''}" role="button" tabindex="0" data-uuid="${escape(bar.invoiceUuid)}" aria-label="${escape(label)}">
  <title>${escape(label)}</title>${projected}
  <rect class="actual" x="${x}" y="${base - height}" width="${barWidth}" height="${height}"/>
  <text class="month" x="${x + barWidth / 2}" y="${HEIGHT - 10}">${escape(shortMonth(bar.period, locale))}</text>
</g>`;
  });
  const budgetLine = model.budgetCents > 0n
    ? `<line class="budget" x1="0" x2="${WIDTH}" y1="${base - scale(model.budgetCents, model.maxCents)}" y2="${base - scale(model.budgetCents, model.maxCents)}"><title>${escape(l10n.t('Budget {0}', money(model.budgetCents)))}</title></line>`
    : '';
  const rows = [...model.bars].reverse().map((bar) => `<tr tabindex="0" data-uuid="${escape(bar.invoiceUuid)}">
  <th scope="row">${escape(formatPeriod(bar.period, locale))}${bar.inProgress ? ` <span class="badge">${escape(l10n.t('in progress'))}</span>` : ''}</th>
  <td>${escape(money(bar.cents))}</td>
  <td>${bar.projectedCents === undefined ? '' : escape(money(bar.projectedCents))}</td>
</tr>`);
  const hidden = model.hiddenMonths > 0 ? `<p class="note">${escape(l10n.t('{0} older months are loaded but not drawn.', model.hiddenMonths))} <button id="show-all" type="button">${escape(l10n.t('Show all loaded months'))}</button></p>` : '';
  const body = `<h1>${escape(page.title)}</h1>
<p class="legend"><span class="key actual"></span>${escape(l10n.t('Invoice total'))} <span class="key projection"></span>${escape(l10n.t('Projected month end'))}${model.budgetCents > 0n ? ` <span class="key budget"></span>${escape(l10n.t('Budget {0}', money(model.budgetCents)))}` : ''}</p>
${model.bars.length === 0 ? `<p>${escape(l10n.t('No invoices loaded yet.'))}</p>` : `<svg id="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="group" aria-label="${escape(l10n.t('Monthly DigitalOcean spend'))}">
${bars.join('\n')}
${budgetLine}
</svg>`}
${hidden}
<table>
<caption>${escape(l10n.t('Monthly totals'))}</caption>
<thead><tr><th scope="col">${escape(l10n.t('Month'))}</th><th scope="col">${escape(l10n.t('Amount'))}</th><th scope="col">${escape(l10n.t('Projected'))}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<script nonce="${page.nonce}" src="${escape(page.scriptUri)}"></script>`;
  return webviewDocument({ locale, title: page.title, cspSource: page.cspSource, nonce: page.nonce, styleUri: page.styleUri, images: true, body });
}

function shortMonth(period: string, locale: string): string {
  const [year, month] = period.split('-').map(Number);
  try {
    return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
  } catch {
    return period;
  }
}
