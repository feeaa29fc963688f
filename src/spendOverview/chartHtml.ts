import { escapeHtml as escape } from '../util/html';
import { l10n } from '../util/l10n';
import { PanelPage } from '../webview/panelDocument';

/** A charted page's script, its style sheet, and the one it shares with the other charted pages (media/chartPanel.css). */
export interface ChartPageAssets {
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly sharedStyleUri: string;
}

/** The title of the panel and its page. */
export function spendOverviewTitle(): string {
  return l10n.t('DigitalOcean Spend Overview');
}

/**
 * The spend overview's page, drawn once: the chart and the table are filled in by its script
 * from every view the extension posts (src/spendOverview/webview/spendChart.ts).
 */
export function renderChartPage(assets: ChartPageAssets): PanelPage {
  const title = spendOverviewTitle();
  const key = (kind: string, text: string, id?: string) =>
    `<span class="legend-item"${id ? ` id="${id}" hidden` : ''}><span class="key ${kind}" aria-hidden="true"></span><span class="legend-text">${escape(text)}</span></span>`;
  const body = `<main>
<h1>${escape(title)}</h1>
<p id="loading" class="loading" role="status">${escape(l10n.t('Loading the spend overview…'))}</p>
<div id="overview" hidden>
<p id="empty" class="note" hidden></p>
<div id="chart-part">
<p class="legend">${key('actual', l10n.t('Invoice total'))} ${key('current', l10n.t('Month in progress'))} ${key('projection', l10n.t('Projected month end'))} ${key('budget', '', 'budget-key')}</p>
<p class="controls">
<button type="button" id="months" data-command="showAllMonths" hidden></button>
<button type="button" id="scale" data-command="toggleLogScale" aria-pressed="false">${escape(l10n.t('Logarithmic scale'))}</button>
</p>
<p id="months-note" class="note" hidden></p>
<div class="chart-box"><canvas id="chart" role="img"></canvas></div>
<p id="capped-note" class="note" hidden></p>
</div>
<table>
<caption>${escape(l10n.t('Monthly totals'))}</caption>
<thead><tr><th scope="col">${escape(l10n.t('Month'))}</th><th scope="col">${escape(l10n.t('Amount'))}</th><th scope="col">${escape(l10n.t('Projected'))}</th></tr></thead>
<tbody id="rows"></tbody>
</table>
</div>
</main>`;
  return { title, body, styles: [assets.sharedStyleUri, assets.styleUri], scripts: [assets.scriptUri] };
}
