// Everything the fake API serves, generated deterministically from its options.
import { buildFleet, dayNumberOf, FleetResource } from './fleet';
import { buildBalance, buildBillingHistory, Balance, BillingHistoryEntry } from './history';
import { buildInsights, fleetPreviewItems, InsightsData, INSIGHTS_FIRST_DAY } from './insights';
import { buildInvoice, buildPreview, CreditKind, Invoice, InvoicePreview, withPreviewAmount } from './invoices';
import { addMonths, formatPeriod, periodOf, periodStart } from './periods';
import { Rng } from './random';

export interface BillingAddress {
  address_line1: string;
  address_line2: string;
  city: string;
  region: string;
  postal_code: string;
  country_iso2_code: string;
  created_at: string;
  updated_at: string;
}

export interface Account {
  /** Appears in download file names: 'DigitalOcean Invoice 2020 Jul (<account_id>-<invoice_id>).csv'. */
  account_id: string;
  user_name: string;
  user_company: string;
  user_email: string;
  user_billing_address: BillingAddress;
}

/** GET /v2/account without its team (which is insights.team). */
export interface User {
  uuid: string;
  email: string;
  email_verified: boolean;
  status: 'active';
  status_message: string;
  droplet_limit: number;
  floating_ip_limit: number;
}

export interface FakeData {
  account: Account;
  user: User;
  /** What the account runs: the insights and the preview's items come from it. */
  fleet: FleetResource[];
  /** The team's daily amounts, and the team. */
  insights: InsightsData;
  /** Closed invoices, newest first. invoices[0] (the previous month) is the large one. */
  invoices: Invoice[];
  /** The month in progress. */
  preview: InvoicePreview;
  /** Newest first. */
  billingHistory: BillingHistoryEntry[];
  balance: Balance;
}

export interface DataOptions {
  now: Date;
  invoiceMonths: number;
  largeInvoiceItems: number;
  /** The team's uuid; default 40 hex digits. */
  teamUuid?: string;
  /** The first day with daily data; default INSIGHTS_FIRST_DAY. */
  insightsFirstDay?: string;
}

export const ACCOUNT: Account = {
  account_id: '6173678',
  user_name: 'Sammy Shark',
  user_company: 'Shark Labs, Inc.',
  user_email: 'sammy@sharklabs.example',
  user_billing_address: {
    address_line1: '101 Shark Row',
    address_line2: ' ',
    city: 'Atlantis',
    region: 'OC',
    postal_code: '12345',
    country_iso2_code: 'US',
    created_at: '2019-09-03T16:34:46.000+00:00',
    updated_at: '2019-09-03T16:34:46.000+00:00',
  },
};

export const USER: User = {
  uuid: new Rng('user').hex(40),
  email: ACCOUNT.user_email,
  email_verified: true,
  status: 'active',
  status_message: '',
  droplet_limit: 25,
  floating_ip_limit: 5,
};

function creditKind(rng: Rng, isOldest: boolean): CreditKind {
  const roll = rng.next();
  if (isOldest) {
    return 'full';  // the first month was covered by a free-trial credit
  }
  return roll < 0.08 ? 'full' : roll < 0.23 ? 'partial' : 'none';
}

export function generateInvoices(options: DataOptions): Invoice[] {
  const current = periodOf(options.now);
  return Array.from({ length: options.invoiceMonths }, (_, age) => {
    const period = addMonths(current, -(age + 1));
    const seed = `invoice:${formatPeriod(period)}`;
    const plan = new Rng(`plan:${formatPeriod(period)}`);
    const large = age === 0;
    const credit = creditKind(plan, !large && age === options.invoiceMonths - 1);
    const itemCount = plan.int(5, 60);
    return large
      ? buildInvoice(seed, { period, itemCount: options.largeInvoiceItems, credit: 'none', fullChance: 0.3 })
      : buildInvoice(seed, { period, itemCount, credit, fullChance: 0.7 });
  });
}

export function generateData(options: DataOptions): FakeData {
  const invoices = generateInvoices(options);
  const fleet = buildFleet(dayNumberOf(options.now), new Rng('fleet'));
  const team = { uuid: options.teamUuid ?? new Rng('team').hex(40), name: 'Shark Labs' };
  const insights = buildInsights(fleet, team, options.now, options.insightsFirstDay ?? INSIGHTS_FIRST_DAY);
  const period = periodOf(options.now);
  const preview = buildPreview(`preview:${formatPeriod(period)}`, options.now, (updatedAt) => fleetPreviewItems(fleet, periodStart(period), updatedAt));
  const billingHistory = buildBillingHistory(invoices, options.now);
  const balance = buildBalance(billingHistory, preview.amount, preview.updated_at);
  return { account: ACCOUNT, user: USER, fleet, insights, invoices, preview, billingHistory, balance };
}

/** `generated` with a new month-to-date amount (preview items rescaled, balance recomputed). */
export function withMonthToDate(generated: FakeData, amount: string): FakeData {
  const preview = withPreviewAmount(generated.preview, amount);
  return { ...generated, preview, balance: buildBalance(generated.billingHistory, preview.amount, preview.updated_at) };
}
