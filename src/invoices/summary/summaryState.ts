import { Invoice } from '../../api/types';

/** Which invoice a summary panel shows; kept over a window reload. */
export interface SummaryState {
  readonly invoice: Invoice;
  /** The month in progress (the invoice preview). */
  readonly inProgress: boolean;
}

const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

/** A saved state, checked field by field; undefined when it does not name an invoice. */
export function parseSummaryState(saved: unknown): SummaryState | undefined {
  const state = saved as { invoice?: Record<string, unknown>; inProgress?: unknown } | undefined;
  const invoice = state?.invoice;
  if (typeof state?.inProgress !== 'boolean' || typeof invoice !== 'object' || invoice === null) {
    return undefined;
  }
  const { invoiceUuid, invoiceId, amount, period, updatedAt } = invoice;
  if (typeof invoiceUuid !== 'string' || !invoiceUuid || typeof invoiceId !== 'string' || typeof amount !== 'string'
    || typeof period !== 'string' || !optionalString(updatedAt)) {
    return undefined;
  }
  return {
    invoice: { invoiceUuid, invoiceId, amount, period, ...(typeof updatedAt === 'string' ? { updatedAt } : {}) },
    inProgress: state.inProgress,
  };
}
