import { AgentTool } from './agentTool';
import { billingHistoryTool } from './billingHistoryTool';
import { dailySpendTool } from './dailySpendTool';
import { invoiceBreakdownTool } from './invoiceBreakdownTool';
import { listInvoicesTool } from './listInvoicesTool';
import { monthToDateTool } from './monthToDateTool';

/**
 * Every tool, in the order package.json contributes them (`contributes.languageModelTools`).
 * A new tool is one module, one entry here and one there.
 */
export const AGENT_TOOLS: readonly AgentTool[] = [listInvoicesTool, invoiceBreakdownTool, monthToDateTool, dailySpendTool, billingHistoryTool];
