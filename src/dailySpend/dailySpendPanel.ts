import * as vscode from 'vscode';
import { dayNumber, dayOf, isDay } from '../api/days';
import { isAbort } from '../api/errors';
import { COMMANDS, DAILY_SPEND_VIEW_TYPE } from '../constants';
import { InsightsProgress, InsightsResult } from '../insights/fetchInsights';
import { InsightsSnapshot, InsightsState, RECENT_DAYS } from '../insights/insightsState';
import { covers, InsightsData, sliceToRange } from '../insights/spend';
import { dayCount, DayRange } from '../insights/windows';
import { ShownError, shownError } from '../paging/pagedList';
import { Session } from '../session/session';
import { DisposableOwner } from '../util/disposable';
import { l10n } from '../util/l10n';
import { Logger } from '../util/logger';
import { PanelHost } from '../webview/panelHost';
import { isCommandMessage } from '../webview/protocol';
import { WebviewPanels } from '../webview/webviewPanels';
import { dailySpendTitle, renderDailySpendPage } from './dailySpendHtml';
import { buildDailySpendModel } from './dailySpendModel';
import {
  DailySpendState, DEFAULT_RANGE, INITIAL_STATE, parseDailySpendState, RANGE_CHOICES, rangeHolding, rangeOf,
} from './dailySpendState';
import { buildDailySpendView, DailyPageInput, DailySpendView, optionKey } from './dailySpendView';

export interface DailySpendDeps {
  readonly insights: InsightsState;
  readonly session: Session;
  readonly extensionUri: vscode.Uri;
  readonly locale: string;
  readonly logger: Logger;
  readonly now?: () => number;
}

/** A range longer than the recent days, loaded for the panel. */
interface LoadedRange {
  readonly result: InsightsResult;
  readonly fetchedAt: number;
}

interface Loading {
  readonly range: string;
  readonly controller: AbortController;
  progress?: InsightsProgress;
}

const rangeKey = (range: DayRange) => `${range.start}..${range.end}`;

/** The recent days (InsightsState's, fetched at most once a day) serve every range that fits in them. */
const fitsRecent = (range: DayRange) => dayCount(range) <= RECENT_DAYS;

/**
 * One open Daily Spend: the chosen range's figures, from the recent days when they hold it,
 * else loaded for the panel (with progress, cancelled when the range or the account changes).
 */
class DailySpendPanel extends DisposableOwner {
  /** The last view posted to the page. */
  view: DailySpendView | undefined;
  private lastView = '';
  private account: string | undefined;
  private readonly loaded = new Map<string, LoadedRange>();
  private readonly failed = new Map<string, ShownError>();
  private loading: Loading | undefined;

  constructor(readonly host: PanelHost<DailySpendState, DailySpendView>, private readonly deps: DailySpendDeps) {
    super();
    host.setPage(renderDailySpendPage({ scriptUri: host.asset('webview/dailySpend.js'), styleUri: host.asset('dailySpend.css'), sharedStyleUri: host.asset('chartPanel.css') }));
    this.account = deps.session.state.key;
    this.register(host.onDidReceiveMessage((message) => isCommandMessage(message) && this.handle(message.command, message.argument)));
    this.register(deps.insights.onDidChange(() => this.render()));
    this.register(deps.session.onDidChange((state) => this.followAccount(state.key)));
    this.register({ dispose: () => this.loading?.controller.abort() });
    this.update();
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  private today(): string {
    return dayOf(this.now());
  }

  /** The days of the chosen range today; undefined for "this month" on the 1st. */
  get range(): DayRange | undefined {
    return rangeOf(this.host.state.range, this.today());
  }

  /** Shows `day`'s breakdown, in a range that holds it (Daily Spend opened at a day). */
  openAt(day: string): void {
    const state = this.host.state;
    const range = this.range;
    const holds = range !== undefined && day >= range.start && day <= range.end;
    this.change({ range: holds ? state.range : rangeHolding(day, this.today()) ?? state.range, day });
    this.update();
  }

  /** The state with `patch` applied, as it is saved: a field set to undefined is left out (every product, no day chosen). */
  private change(patch: Partial<DailySpendState>): void {
    this.host.setState(parseDailySpendState({ ...this.host.state, ...patch }));
  }

  /** Opened, revealed, or another range or account: asks for the recent days unless fetched today (again after an error), and draws. */
  update(): void {
    const range = this.range;
    if (range && fitsRecent(range) && this.deps.insights.snapshot.hasToken) {
      this.deps.insights.refreshIfDue().catch((error: unknown) => this.logFailure(error));
    }
    this.render();
  }

  /** Draws what there is, after asking for what the range lacks and nothing is on its way for (a new day, a restored panel). */
  render(): void {
    this.fetchMissing();
    const view = buildDailySpendView(this.input(this.deps.insights.snapshot), this.deps.locale);
    const key = JSON.stringify(view);
    if (key !== this.lastView) {
      this.lastView = key;
      this.view = view;
      this.host.show(view);
    }
  }

  /** Never again after a failure: that waits for Retry (or the panel to be opened again). */
  private fetchMissing(): void {
    const range = this.range;
    const snapshot = this.deps.insights.snapshot;
    if (!range || !snapshot.hasToken) {
      return;
    }
    if (fitsRecent(range)) {
      if (!(snapshot.recent && covers(snapshot.recent.range, range)) && !snapshot.loading && !snapshot.error) {
        this.deps.insights.refreshIfDue().catch((error: unknown) => this.logFailure(error));
      }
      return;
    }
    const key = rangeKey(range);
    if (!this.loaded.has(key) && !this.failed.has(key) && this.loading?.range !== key) {
      this.load(range);
    }
  }

  private input(snapshot: InsightsSnapshot): DailyPageInput {
    const range = this.range;
    const base = { choice: this.host.state.range, range, hasToken: snapshot.hasToken };
    if (!range || !snapshot.hasToken) {
      return base;
    }
    const { product, region, day } = this.host.state;
    const model = (data: InsightsData) => buildDailySpendModel(data, { product, region }, day);
    if (fitsRecent(range)) {
      const recent = snapshot.recent && covers(snapshot.recent.range, range) ? snapshot.recent : undefined;
      return {
        ...base,
        ...(recent ? { model: model(sliceToRange(recent, range)), fetchedAt: recent.fetchedAt, cached: snapshot.stale } : {}),
        ...(snapshot.loading ? { loading: {} } : {}),
        ...(snapshot.error ? { error: snapshot.error } : {}),
      };
    }
    const key = rangeKey(range);
    const loaded = this.loaded.get(key);
    const loading = this.loading?.range === key ? this.loading : undefined;
    const error = this.failed.get(key);
    return {
      ...base,
      ...(loaded ? {
        model: model(loaded.result), fetchedAt: loaded.fetchedAt, problems: loaded.result.problems,
        failures: loaded.result.failed.map((failure) => failure.message),
      } : {}),
      ...(loading ? { loading: { progress: loading.progress } } : {}),
      ...(error ? { error } : {}),
    };
  }

  /** Loads `range` (or fetches again the windows `retryOf` is missing); a newer load cancels an older one. */
  private load(range: DayRange, retryOf?: InsightsResult): void {
    this.loading?.controller.abort();
    const key = rangeKey(range);
    const loading: Loading = { range: key, controller: new AbortController() };
    this.loading = loading;
    this.failed.delete(key);
    const account = this.account;
    const options = {
      signal: loading.controller.signal,
      onProgress: (progress: InsightsProgress) => {
        loading.progress = progress;
        this.render();
      },
    };
    const insights = this.deps.insights;
    const request = retryOf ? insights.retry(retryOf, options) : insights.load(range, options);
    request.then((result) => {
      if (loading.controller.signal.aborted || this.account !== account) {
        return;
      }
      if ('kind' in result) {
        this.failed.set(key, result);
      } else {
        this.loaded.set(key, { result, fetchedAt: this.now() });
      }
    }, (error: unknown) => {
      if (!isAbort(error) && !loading.controller.signal.aborted) {
        this.failed.set(key, shownError(error));
        this.logFailure(error);
      }
    }).finally(() => {
      if (this.loading === loading) {
        this.loading = undefined;
        this.render();
      }
    });
  }

  /** Another account: what was loaded or on its way for the last one goes. */
  private followAccount(key: string | undefined): void {
    if (key === this.account) {
      return;
    }
    this.account = key;
    this.loading?.controller.abort();
    this.loading = undefined;
    this.loaded.clear();
    this.failed.clear();
    this.update();
  }

  private retry(): void {
    const range = this.range;
    if (!range) {
      return;
    }
    if (fitsRecent(range)) {
      this.deps.insights.refreshRecent().catch((error: unknown) => this.logFailure(error));
      return;
    }
    const loaded = this.loaded.get(rangeKey(range));
    this.load(range, loaded && !loaded.result.complete && !this.failed.has(rangeKey(range)) ? loaded.result : undefined);
    this.render();
  }

  /** What a control of the page asks for (its `data-command` and `data-argument`). */
  handle(command: string, argument?: string): void {
    const state = this.host.state;
    switch (command) {
      case 'setRange': {
        const range = RANGE_CHOICES.find((choice) => choice === argument);
        if (range && range !== state.range) {
          const days = rangeOf(range, this.today());
          const keepDay = state.day !== undefined && days !== undefined && state.day >= days.start && state.day <= days.end;
          this.change({ range, day: keepDay ? state.day : undefined });
          this.update();
        }
        return;
      }
      case 'setProduct':
        this.change({ product: optionKey(argument) });
        break;
      case 'setRegion':
        this.change({ region: optionKey(argument) });
        break;
      case 'selectDay':
        this.change({ day: isDay(argument) ? argument : undefined });
        break;
      case 'retry':
        this.retry();
        return;
      case 'setToken':
        void vscode.commands.executeCommand(COMMANDS.setToken);
        return;
      case 'switchAccount':
        void vscode.commands.executeCommand(COMMANDS.switchAccount);
        return;
      default:
        return;
    }
    this.render();
  }

  private logFailure(error: unknown): void {
    if (!isAbort(error)) {
      this.deps.logger.warn(`Daily spend: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** "Show Daily Spend": one panel, revealed when shown again, restored after a reload with its range and filters. */
export class DailySpend implements vscode.Disposable {
  readonly panels: WebviewPanels<DailySpendState, DailySpendView, DailySpendPanel>;

  constructor(private readonly deps: DailySpendDeps) {
    this.panels = new WebviewPanels({
      viewType: DAILY_SPEND_VIEW_TYPE,
      keyOf: () => 'daily',
      parseState: parseDailySpendState,
      title: dailySpendTitle,
      attach: (host) => new DailySpendPanel(host, deps),
    }, deps.extensionUri, deps.locale);
  }

  /** Opens (or reveals) Daily Spend; at `day` ('YYYY-MM-DD') when one is given, as the alert rows do. */
  show(day?: unknown): vscode.WebviewPanel {
    const at = this.dayToOpen(day);
    const today = dayOf((this.deps.now ?? Date.now)());
    const { host, part, created } = this.panels.show(at ? { range: rangeHolding(at, today) ?? DEFAULT_RANGE, day: at } : INITIAL_STATE);
    if (!created) {
      if (at) {
        part.openAt(at);
      } else {
        part.update();
      }
    }
    return host.panel;
  }

  dispose(): void {
    this.panels.dispose();
  }

  /** The day asked for, when it is one the ranges hold; a day that is not is said, and Daily Spend opens without it. */
  private dayToOpen(day: unknown): string | undefined {
    if (typeof day !== 'string') {
      return undefined; // the palette and the title bar pass nothing, or a view's own argument
    }
    const today = dayOf((this.deps.now ?? Date.now)());
    if (dayNumber(day) === undefined) {
      void vscode.window.showWarningMessage(l10n.t('"{0}" is not a day (YYYY-MM-DD); Daily Spend opens without one.', day.slice(0, 40)));
      return undefined;
    }
    if (!rangeHolding(day, today)) {
      void vscode.window.showWarningMessage(l10n.t('{0} is not among the last 90 days up to yesterday; Daily Spend opens without it.', day));
      return undefined;
    }
    return day;
  }
}
