import { addDays } from '../api/days';
import { Alert, AlertKind } from './alerts';

/**
 * Which alerts an account has been shown: their keys with the day each was first shown, kept
 * in the account's stored state (a plain object, so it survives restarts as JSON). A key is
 * forgotten after `RETENTION_DAYS`, by when its occasion has left every range that could show
 * it again, so the ledger stays small.
 */
export type AlertLedger = Readonly<Record<string, string>>;

export const RETENTION_DAYS = 120;

/** The alerts not shown yet, without the kinds turned off ("Don't Show Again"), each key once. */
export function unseenAlerts(alerts: readonly Alert[], ledger: AlertLedger, muted: ReadonlySet<AlertKind> = new Set()): Alert[] {
  const keys = new Set<string>();
  return alerts.filter((alert) => {
    const fresh = !muted.has(alert.kind) && !Object.hasOwn(ledger, alert.key) && !keys.has(alert.key);
    keys.add(alert.key);
    return fresh;
  });
}

/** The ledger with `alerts` recorded as shown on `today`, and keys older than the retention dropped. */
export function recordAlerts(ledger: AlertLedger, alerts: readonly Alert[], today: string, retentionDays = RETENTION_DAYS): AlertLedger {
  const oldest = addDays(today, -retentionDays);
  const kept = Object.entries(ledger).filter(([, day]) => typeof day === 'string' && day >= oldest);
  const next: Record<string, string> = Object.fromEntries(kept);
  for (const alert of alerts) {
    if (!Object.hasOwn(next, alert.key)) {
      next[alert.key] = today;
    }
  }
  return next;
}

/** A ledger read back from storage: anything that is not key → day text is dropped. */
export function ledgerOf(stored: unknown): AlertLedger {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return {};
  }
  return Object.fromEntries(Object.entries(stored).filter(([, day]) => typeof day === 'string'));
}
