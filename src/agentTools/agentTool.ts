import { Account } from '../session/accounts';
import type { AlertSettings } from '../insights/alerts';
import type { GroupBy as LineItemsGroupBy } from '../lineItems/itemGroups';
import type { BudgetSettings } from '../settings';
import { BillingReader } from './billingReader';
import { Checked } from './toolInput';
import { ToolProblem } from './toolProblem';

/** What a tool call works with: the reader of the stores, and how to write figures. */
export interface ToolContext {
  readonly reader: BillingReader;
  /** VS Code's display language, as the views format money and months. */
  readonly locale: string;
  readonly now: number;
  readonly budget: BudgetSettings;
  readonly alerts: AlertSettings;
  /** How the Invoices view groups line items (the setting). */
  readonly groupLineItemsBy: LineItemsGroupBy;
}

/** A tool's answer: text the model can quote, and the same figures as data where that helps. */
export interface ToolAnswer {
  readonly text: string;
  readonly data?: Record<string, unknown>;
}

/**
 * One language model tool: its name (as contributed in package.json), the message the chat
 * shows while it runs, and what it does. Independent of VS Code, so it runs in unit tests.
 */
export interface AgentTool {
  readonly name: string;
  invocationMessage(input: unknown, accountName: string): string;
  run(input: unknown, context: ToolContext): Promise<ToolAnswer>;
}

/** The value of a check, or the check's message as the call's answer. */
export function valid<T>(check: Checked<T>): T {
  if (!check.ok) {
    throw new ToolProblem('input', check.message);
  }
  return check.value;
}

/** Ties the answer to the account whose data it holds. */
export function accountData(account: Account, data: Record<string, unknown>): Record<string, unknown> {
  return { account: account.name, currency: 'USD', ...data };
}
