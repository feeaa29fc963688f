// Billing history (invoices issued, payments, credits) and the balance derived from it.
import { Invoice } from './invoices';
import { formatCents, parseCents } from './money';
import { isoSeconds, MONTH_NAMES } from './periods';
import { Rng } from './random';

export interface BillingHistoryEntry {
  description: string;
  amount: string;
  invoice_id?: string;
  invoice_uuid?: string;
  date: string;
  type: 'Invoice' | 'Payment' | 'Credit';
}

export interface Balance {
  month_to_date_balance: string;
  account_balance: string;
  month_to_date_usage: string;
  generated_at: string;
}

const DAY_MS = 86_400_000;
const CREDIT_REASONS = ['Referral credit', 'Service level credit', 'Promotional credit'];

function invoiceTitle(invoice: Invoice): string {
  const [year, month] = invoice.invoice_period.split('-').map(Number);
  return `Invoice for ${MONTH_NAMES[month - 1]} ${year}`;
}

/**
 * Newest first. Each invoice is paid two or three days after it is issued; occasional credits
 * are used up by the next payments, so the account balance is what is still unpaid (or credit
 * not yet used, as a negative amount).
 */
export function buildBillingHistory(invoicesNewestFirst: readonly Invoice[], now: Date): BillingHistoryEntry[] {
  const rng = new Rng('billing-history');
  const entries: BillingHistoryEntry[] = [];
  let unusedCredit = 0;
  for (const invoice of [...invoicesNewestFirst].reverse()) {
    const issued = new Date(invoice.issued_at);
    if (rng.chance(0.08)) {
      const credit = rng.int(1, 5) * 1000;
      unusedCredit += credit;
      entries.push({
        description: rng.pick(CREDIT_REASONS), amount: formatCents(-credit),
        date: isoSeconds(new Date(issued.getTime() - rng.int(3, 20) * DAY_MS)), type: 'Credit',
      });
    }
    entries.push({
      description: invoiceTitle(invoice), amount: invoice.amount, invoice_id: invoice.invoice_id,
      invoice_uuid: invoice.invoice_uuid, date: invoice.issued_at, type: 'Invoice',
    });
    const due = parseCents(invoice.amount);
    const covered = Math.min(due, unusedCredit);
    unusedCredit -= covered;
    if (due - covered > 0) {
      entries.push({
        description: `Payment (Visa ${rng.pick(['4242', '1881', '0005'])})`, amount: formatCents(covered - due),
        date: isoSeconds(new Date(issued.getTime() + 2 * DAY_MS + rng.int(0, 86_399) * 1000)), type: 'Payment',
      });
    }
  }
  return entries
    .filter((entry) => new Date(entry.date).getTime() <= now.getTime())
    .sort((a, b) => b.date.localeCompare(a.date));
}

export function buildBalance(history: readonly BillingHistoryEntry[], monthToDateUsage: string, generatedAt: string): Balance {
  const accountCents = history.reduce((sum, entry) => sum + parseCents(entry.amount), 0);
  return {
    month_to_date_balance: formatCents(accountCents + parseCents(monthToDateUsage)),
    account_balance: formatCents(accountCents),
    month_to_date_usage: monthToDateUsage,
    generated_at: generatedAt,
  };
}
