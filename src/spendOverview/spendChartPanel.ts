import * as vscode from 'vscode';
import { SPEND_OVERVIEW_VIEW_TYPE } from '../constants';
import { budgetOf } from '../budget/budgetModel';
import { InvoiceList } from '../invoices/invoiceList';
import { BudgetSettings } from '../settings';
import { DisposableOwner } from '../util/disposable';
import { PanelHost } from '../webview/panelHost';
import { isCommandMessage } from '../webview/protocol';
import { WebviewPanels } from '../webview/webviewPanels';
import { renderChartPage, spendOverviewTitle } from './chartHtml';
import { buildChartModel } from './chartModel';
import { buildChartView, SpendChartView } from './chartView';
import { INITIAL_STATE, parseSpendOverviewState, SpendOverviewState } from './overviewState';

export interface SpendChartDeps {
  readonly invoices: InvoiceList;
  readonly budget: () => BudgetSettings;
  readonly extensionUri: vscode.Uri;
  readonly locale: string;
  /** Reveals an invoice in the tree. */
  readonly reveal: (invoiceUuid: string) => void;
}

/** One open spend overview: draws the loaded invoices, again whenever they change. */
class SpendOverviewPanel extends DisposableOwner {
  private lastView = '';

  constructor(readonly host: PanelHost<SpendOverviewState, SpendChartView>, private readonly deps: SpendChartDeps) {
    super();
    host.setPage(renderChartPage({ scriptUri: host.asset('webview/spendChart.js'), styleUri: host.asset('spendChart.css'), sharedStyleUri: host.asset('chartPanel.css') }));
    this.register(host.onDidReceiveMessage((message) => this.onMessage(message)));
    this.register(deps.invoices.onDidChange(() => this.render()));
    this.render();
  }

  render(): void {
    const { invoices, budget, locale } = this.deps;
    const snapshot = invoices.snapshot;
    const settings = budget();
    const model = buildChartModel(snapshot.items, snapshot.preview, budgetOf(snapshot.preview, settings, Date.now())?.projection, settings.cents, this.host.state);
    const view = buildChartView(model, locale);
    // Line-item progress changes the snapshot but not the chart: nothing to draw then.
    const key = JSON.stringify(view);
    if (key !== this.lastView) {
      this.lastView = key;
      this.host.show(view);
    }
  }

  private onMessage(message: unknown): void {
    if (!isCommandMessage(message)) {
      return;
    }
    const state = this.host.state;
    switch (message.command) {
      case 'reveal':
        if (message.argument) {
          this.deps.reveal(message.argument);
        }
        return;
      case 'showAllMonths':
      case 'showRecentMonths':
        this.host.setState({ ...state, allMonths: message.command === 'showAllMonths' });
        break;
      case 'toggleLogScale':
        this.host.setState({ ...state, logarithmic: !state.logarithmic });
        break;
      default:
        return;
    }
    this.render();
  }
}

/** "Show Spend Overview": one panel, revealed when shown again, restored after a reload. */
export class SpendOverview implements vscode.Disposable {
  readonly panels: WebviewPanels<SpendOverviewState, SpendChartView, SpendOverviewPanel>;

  constructor(deps: SpendChartDeps) {
    this.panels = new WebviewPanels({
      viewType: SPEND_OVERVIEW_VIEW_TYPE,
      keyOf: () => 'overview',
      parseState: parseSpendOverviewState,
      title: spendOverviewTitle,
      attach: (host) => new SpendOverviewPanel(host, deps),
    }, deps.extensionUri, deps.locale);
  }

  show(): vscode.WebviewPanel {
    return this.panels.show(INITIAL_STATE).host.panel;
  }

  /** Draws the open panel again (the budget setting changed). */
  render(): void {
    this.panels.parts.forEach((panel) => panel.render());
  }

  dispose(): void {
    this.panels.dispose();
  }
}
