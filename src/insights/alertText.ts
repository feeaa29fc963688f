import { l10n } from '../util/l10n';
import { formatCents } from '../util/money';
import { formatDate, formatPeriod } from '../util/period';
import { Alert } from './alerts';

/** Tenths of a percent as a percentage in the locale ("25.1%", "25,1 %"; "+25.1%" when `signed`). */
export function formatPermille(permille: bigint, locale: string, signed = false): string {
  const options: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' };
  const value = Number(permille) / 1000;
  try {
    return new Intl.NumberFormat(locale, options).format(value);
  } catch {
    return new Intl.NumberFormat('en', options).format(value);
  }
}

/** One sentence for an alert: the notification's text and the alert row's tooltip. */
export function alertMessage(alert: Alert, locale: string): string {
  const money = (cents: bigint) => formatCents(cents, locale);
  switch (alert.kind) {
    case 'jump': {
      const day = formatDate(alert.day, locale);
      return alert.permille === undefined
        ? l10n.t('Spend on {0} rose to {1}, from nothing the day before.', day, money(alert.cents))
        : l10n.t('Spend on {0} rose {1} to {2}, from {3} the day before.', day, formatPermille(alert.permille, locale), money(alert.cents), money(alert.previousCents));
    }
    case 'newCharge': {
      const what = alert.description || alert.groupDescription || alert.sku;
      const day = formatDate(alert.day, locale);
      if (alert.subject === 'resource') {
        return l10n.t('New resource on {0}: {1} ({2}), {3} that day.', day, what, alert.product, money(alert.cents));
      }
      // A SKU of a family not in the table is its own product: named once.
      return alert.product === alert.sku
        ? l10n.t('New on {0}: {1} for {2}, {3} that day.', day, alert.sku, what, money(alert.cents))
        : l10n.t('New on {0}: {1} ({2}) for {3}, {4} that day.', day, alert.product, alert.sku, what, money(alert.cents));
    }
    case 'forecast':
      return l10n.t('{0} is heading for {1} at the current run rate, {2} more than the invoice for {3} ({4}).',
        formatPeriod(alert.month, locale), money(alert.forecastCents), formatPermille(alert.permille, locale), formatPeriod(alert.invoicePeriod, locale), money(alert.invoiceCents));
  }
}

/** The text of the one notification for the alerts of a refresh. */
export function alertsNotification(alerts: readonly Alert[], locale: string): string | undefined {
  if (alerts.length <= 1) {
    return alerts[0] && alertMessage(alerts[0], locale);
  }
  return l10n.t('{0} changes in your DigitalOcean spend. {1} (and {2} more)', alerts.length, alertMessage(alerts[0], locale), alerts.length - 1);
}
