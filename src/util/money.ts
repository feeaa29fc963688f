/**
 * Money arrives from the API as decimal strings in USD ("12.34"). It is kept exact: parsed
 * into integer cents (bigint) for arithmetic and formatted from a decimal string, so no
 * float ever touches an amount.
 */

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Exact cents of a decimal string, rounded half away from zero; undefined if malformed. */
export function parseCents(amount: unknown): bigint | undefined {
  if (typeof amount !== 'string') {
    return undefined;
  }
  const match = DECIMAL.exec(amount.trim());
  if (!match) {
    return undefined;
  }
  const [, minus, whole, fraction = ''] = match;
  let cents = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  if (fraction.length > 2 && fraction[2] >= '5') {
    cents += 1n;
  }
  return minus ? -cents : cents;
}

export function sumCents(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const value of values) {
    total += value;
  }
  return total;
}

/** "1234" cents → "12.34"; exact for any size. */
export function centsToDecimal(cents: bigint): string {
  const negative = cents < 0n;
  const absolute = negative ? -cents : cents;
  const whole = absolute / 100n;
  const fraction = (absolute % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

function usdFormatter(locale: string): Intl.NumberFormat {
  let formatter = formatters.get(locale);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    } catch {
      formatter = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    formatters.set(locale, formatter);
  }
  return formatter;
}

export function formatCents(cents: bigint, locale: string): string {
  // Intl.NumberFormat formats decimal strings exactly (ES2023), whatever their size.
  return usdFormatter(locale).format(centsToDecimal(cents) as Intl.StringNumericLiteral);
}

/** "$12.34" for a well-formed amount; the raw text (or "—" when absent) otherwise. */
export function formatAmount(amount: unknown, locale: string): string {
  const cents = parseCents(amount);
  if (cents === undefined) {
    return typeof amount === 'string' && amount.trim() !== '' ? amount : '—';
  }
  return formatCents(cents, locale);
}

/** A setting's amount in US dollars → cents; 0, negative or invalid gives 0 (none). */
export function dollarSettingToCents(dollars: unknown): bigint {
  // The setting's number as its shortest decimal text ("99.99"), then exact cents.
  const cents = typeof dollars === 'number' && Number.isFinite(dollars) && dollars > 0 ? parseCents(String(dollars)) : undefined;
  return cents ?? 0n;
}
