import { shownError } from '../paging/pagedList';
import type { AlertSettings } from '../insights/alerts';
import type { BudgetSettings } from '../settings';
import type { GroupBy as LineItemsGroupBy } from '../lineItems/itemGroups';
import { l10n } from '../util/l10n';
import { Logger } from '../util/logger';
import { AgentTool } from './agentTool';
import { BillingReader, BillingSources, Cancellation } from './billingReader';
import { ToolCancelled, ToolProblem } from './toolProblem';

/** What every tool call is given from the extension. */
export interface ToolEnvironment {
  readonly sources: BillingSources;
  readonly logger: Logger;
  readonly locale: string;
  readonly budget: () => BudgetSettings;
  readonly alerts: () => AlertSettings;
  /** How the Invoices view groups line items: the breakdown's default, as the user set it. */
  readonly groupLineItemsBy?: () => LineItemsGroupBy;
  readonly now?: () => number;
}

export interface ToolOutput {
  /** The result's text parts: the answer (or why there is none), then its figures as JSON. */
  readonly parts: readonly string[];
  readonly outcome: 'answered' | ToolProblem['kind'] | 'failed';
}

/** The message the chat shows while the tool runs, naming the account it reads. */
export function invocationMessage(tool: AgentTool, input: unknown, environment: ToolEnvironment): string {
  return tool.invocationMessage(input, environment.sources.session.state.account.name);
}

/**
 * Runs one tool call: its answer, or the message of what stopped it, always headed by the
 * account it is about. Every part is redacted like a log line, so a token can never reach
 * the model; the log records the input and the outcome, not the answer.
 */
export async function runTool(tool: AgentTool, input: unknown, environment: ToolEnvironment, cancellation: Cancellation): Promise<ToolOutput> {
  const { logger } = environment;
  const started = Date.now();
  const reader = new BillingReader(environment.sources, cancellation);
  const header = () => l10n.t('DigitalOcean account: {0}', reader.accountName);
  let parts: string[];
  let outcome: ToolOutput['outcome'];
  try {
    const now = (environment.now ?? Date.now)();
    const answer = await tool.run(input, { reader, locale: environment.locale, now, budget: environment.budget(), alerts: environment.alerts(),
      groupLineItemsBy: environment.groupLineItemsBy?.() ?? 'product' });
    parts = [`${header()}\n${answer.text}`];
    if (answer.data) {
      parts.push(`${l10n.t('The same as JSON (amounts are exact decimal strings in US dollars):')}\n${JSON.stringify(answer.data)}`);
    }
    outcome = 'answered';
  } catch (error) {
    if (error instanceof ToolCancelled) {
      logger.info(`Tool ${tool.name}: cancelled after ${Date.now() - started} ms.`);
      throw error;
    }
    if (error instanceof ToolProblem) {
      parts = [`${header()}\n${error.message}`];
      outcome = error.kind;
    } else {
      const shown = shownError(error);
      logger.error(`Tool ${tool.name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      parts = [`${header()}\n${shown.message}`];
      outcome = 'failed';
    }
  }
  logger.info(`Tool ${tool.name} ${JSON.stringify(input ?? {})}: ${outcome} in ${Date.now() - started} ms.`);
  return { parts: parts.map((part) => logger.redactor.redact(part)), outcome };
}
