import * as vscode from 'vscode';
import { dayOf } from '../api/days';
import { COMMANDS } from '../constants';
import { InvoiceList } from '../invoices/invoiceList';
import { KeyValueStore } from '../storage/accountCache';
import { STATE_KEYS } from '../storage/keys';
import { LinkGroupNode, LinkNode } from '../tree/listNodes';
import { DisposableOwner } from '../util/disposable';
import { Emitter } from '../util/event';
import { l10n } from '../util/l10n';
import { Logger } from '../util/logger';
import { recordAlerts, ledgerOf, unseenAlerts } from './alertLedger';
import { Alert, AlertKind, AlertSettings } from './alerts';
import { alertMessage, alertsNotification } from './alertText';
import { InsightsState } from './insightsState';
import { recentAlerts, spendOutlook } from './spendOutlook';

export interface AlertNotifierDeps {
  readonly insights: InsightsState;
  readonly invoices: InvoiceList;
  readonly store: KeyValueStore;
  readonly settings: () => AlertSettings;
  readonly accountId: () => string;
  readonly locale: string;
  readonly logger: Logger;
  readonly now?: () => number;
}

const ICONS: Record<AlertKind, string> = { jump: 'graph-line', newCharge: 'sparkle', forecast: 'warning' };

/**
 * Alerts on what changed in the recent daily spend: each at most once per account and occasion
 * (kept across restarts), several of one fetch in one notification, "Don't Show Again" per kind.
 * They also stand as rows in the Invoices view, each opening its day in Daily Spend.
 */
export class AlertNotifier extends DisposableOwner {
  private readonly changed = this.register(new Emitter<void>());
  readonly onDidChange = this.changed.event;
  private current: readonly Alert[] = [];
  private notifying: Promise<void> = Promise.resolve();

  constructor(private readonly deps: AlertNotifierDeps) {
    super();
    this.register(deps.insights.onDidChange(() => this.update()));
    this.register(deps.invoices.onDidChange(() => this.update()));
    this.update();
  }

  get alerts(): readonly Alert[] {
    return this.current;
  }

  /** The Invoices view's row of the alerts (none without any), collapsed over one row for each. */
  rows(): LinkGroupNode[] {
    if (this.current.length === 0) {
      return [];
    }
    const children: LinkNode[] = this.current.map((alert) => ({
      kind: 'link',
      id: `alert:${alert.key}`,
      label: alertMessage(alert, this.deps.locale),
      icon: ICONS[alert.kind],
      command: COMMANDS.showDailySpend,
      args: alert.kind === 'forecast' ? [] : [alert.day],
    }));
    const label = children.length === 1 ? l10n.t('1 change in daily spend') : l10n.t('{0} changes in daily spend', children.length);
    return [{ kind: 'links', id: 'alerts', label, icon: 'pulse', children }];
  }

  /** Settings changed (thresholds): the alerts are evaluated again. */
  update(): void {
    const { insights, invoices, settings, now } = this.deps;
    const recent = insights.snapshot.recent;
    const invoicesShown = invoices.snapshot;
    const next = recent && invoicesShown.hasToken
      ? recentAlerts(recent, spendOutlook(invoicesShown.items, invoicesShown.preview, recent, (now ?? Date.now)()), settings())
      : [];
    const same = next.length === this.current.length && next.every((alert, index) => alert.key === this.current[index].key);
    this.current = next;
    if (!same) {
      this.changed.fire();
    }
    // Notified only on fresh data: the cached days were notified when they were fetched.
    if (!insights.snapshot.stale && !insights.snapshot.loading && !invoicesShown.stale && invoicesShown.fetchedAt !== undefined) {
      // One after the other: each reads the ledger the one before it wrote.
      this.notifying = this.notifying.then(() => this.notify(next)).catch((error: unknown) => this.deps.logger.warn(`Could not notify of alerts: ${String(error)}`));
    }
  }

  private async notify(alerts: readonly Alert[]): Promise<void> {
    const { store, locale } = this.deps;
    const account = this.deps.accountId();
    const shown = store.get<Record<string, unknown>>(STATE_KEYS.alertsShown) ?? {};
    const ledger = ledgerOf(shown[account]);
    const muted = new Set(store.get<AlertKind[]>(STATE_KEYS.alertsMuted) ?? []);
    const fresh = unseenAlerts(alerts, ledger, muted);
    const text = alertsNotification(fresh, locale);
    if (!text) {
      return;
    }
    await store.update(STATE_KEYS.alertsShown, { ...shown, [account]: recordAlerts(ledger, fresh, dayOf((this.deps.now ?? Date.now)())) });
    this.ask(text, fresh, muted).catch((error: unknown) => this.deps.logger.warn(`Could not show the alerts: ${String(error)}`));
  }

  /** The notification itself, not awaited: the next alerts are recorded meanwhile. */
  private async ask(text: string, fresh: readonly Alert[], muted: ReadonlySet<AlertKind>): Promise<void> {
    const { store } = this.deps;
    const open = l10n.t('Show Daily Spend');
    const mute = l10n.t('Don\'t Show Again');
    const choice = await vscode.window.showInformationMessage(text, open, mute);
    if (choice === open) {
      await vscode.commands.executeCommand(COMMANDS.showDailySpend, fresh[0].kind === 'forecast' ? undefined : fresh[0].day);
    } else if (choice === mute) {
      await store.update(STATE_KEYS.alertsMuted, [...new Set([...muted, ...fresh.map((alert) => alert.kind)])]);
    }
  }
}
