// Invoices for the spend chart's unit tests.
import { Invoice } from '../../../src/api/types';

export function invoice(period: string, amount: string): Invoice {
  return { invoiceUuid: `uuid-${period}`, invoiceId: period.replace('-', ''), amount, period };
}

/** `count` closed months before 2026-11, newest first as the API lists them. */
export function months(count: number, amount: (index: number) => string): Invoice[] {
  return Array.from({ length: count }, (_, index) => {
    const month = new Date(Date.UTC(2026, 9 - index, 1));
    return invoice(`${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}`, amount(index));
  });
}

export const INVOICES = months(20, (index) => `${100 + index}.25`);
/** Like the sandbox: months of about $30 and one of $202,169.83. */
export const SANDBOX = months(20, (index) => (index === 0 ? '202169.83' : `${28 + (index % 5)}.40`));
export const PREVIEW: Invoice = { ...invoice('2026-11', '80.00'), invoiceUuid: 'preview-uuid' };
export const PROJECTION = { actualCents: 8000n, projectedCents: 10000n, elapsedShare: 0.8 };
