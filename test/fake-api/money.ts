// Amounts travel as decimal strings ('12.34'); all arithmetic is done in integer cents.

export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const fraction = String(abs % 100).padStart(2, '0');
  return `${sign}${Math.floor(abs / 100)}.${fraction}`;
}

const AMOUNT = /^(-?)(\d+)\.(\d{2})$/;

export function isAmount(text: string): boolean {
  return AMOUNT.test(text);
}

/** Parses '12.34' / '-5.00' into cents; throws on anything else. */
export function parseCents(text: string): number {
  const match = AMOUNT.exec(text);
  if (!match) {
    throw new Error(`not an amount: ${JSON.stringify(text)}`);
  }
  const cents = Number(match[2]) * 100 + Number(match[3]);
  return match[1] === '-' ? -cents : cents;
}

/** '$3.11' or '-$10.00', as in the invoice CSV. */
export function formatDollars(cents: number): string {
  const text = formatCents(cents);
  return text.startsWith('-') ? `-$${text.slice(1)}` : `$${text}`;
}

/** Rounds numerator/denominator to the nearest integer without floating point error. */
export function divideRounded(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}
