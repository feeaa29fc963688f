import { ChartPageAssets } from '../spendOverview/chartHtml';
import { escapeHtml as escape } from '../util/html';
import { l10n } from '../util/l10n';
import { PanelPage } from '../webview/panelDocument';

/** The title of the panel and its page. */
export function dailySpendTitle(): string {
  return l10n.t('DigitalOcean Daily Spend');
}

const headRow = (cells: readonly string[]) => `<tr>${cells.map((cell) => `<th scope="col">${escape(cell)}</th>`).join('')}</tr>`;

/**
 * Daily Spend's page, drawn once: its script fills it from every view the extension posts
 * (src/dailySpend/webview/dailySpend.ts) and sends back the controls' commands.
 */
export function renderDailySpendPage(assets: ChartPageAssets): PanelPage {
  const title = dailySpendTitle();
  const resourceHead = headRow([l10n.t('Resource'), l10n.t('Group'), l10n.t('Product'), l10n.t('Amount')]);
  const body = `<main>
<h1>${escape(title)}</h1>
<div class="toolbar">
<div id="ranges" class="ranges" role="group" aria-label="${escape(l10n.t('Range'))}"></div>
<label>${escape(l10n.t('Product'))} <select id="product" data-filter="setProduct"></select></label>
<label>${escape(l10n.t('Region'))} <select id="region" data-filter="setRegion"></select></label>
</div>
<h2 id="heading"></h2>
<div id="status" class="status" role="status" aria-live="polite"><p id="status-text"></p><p id="status-actions" class="actions"></p></div>
<ul id="notes" class="notes"></ul>
<div id="content" hidden>
<p id="summary" class="summary"></p>
<p id="before-data" class="note" hidden></p>
<p id="missing" class="warning" role="alert" hidden><span id="missing-text"></span> <button type="button" data-command="retry">${escape(l10n.t('Retry'))}</button></p>
<p id="empty" class="note" hidden></p>
<div id="chart-part">
<p id="legend" class="legend"></p>
<div class="chart-box"><canvas id="chart" role="img"></canvas></div>
<p class="note">${escape(l10n.t('Click a day for its breakdown, or press Enter on its row in the table below.'))}</p>
</div>
<section id="breakdown" class="breakdown" hidden aria-labelledby="breakdown-heading">
<h2 id="breakdown-heading" tabindex="-1"></h2>
<p id="breakdown-note" class="note" hidden></p>
<table id="breakdown-products"><caption></caption><thead>${headRow([l10n.t('Product'), l10n.t('Amount'), l10n.t('Share')])}</thead><tbody></tbody></table>
<table id="breakdown-resources"><caption></caption><thead>${resourceHead}</thead><tbody></tbody></table>
<p><button type="button" id="breakdown-close" data-command="selectDay"></button></p>
</section>
<table id="resources"><caption></caption><thead>${resourceHead}</thead><tbody></tbody></table>
<p id="more-resources" class="note" hidden></p>
<div class="table-box"><table id="days"><caption></caption><thead></thead><tbody></tbody></table></div>
</div>
</main>`;
  return { title, body, styles: [assets.sharedStyleUri, assets.styleUri], scripts: [assets.scriptUri] };
}
