// What the extension loads with its first use rather than at start-up: a command, a panel
// shown or restored, a tool call. One file of its own in dist/chunks/ (esbuild.js), loaded by
// the container with the first of them: one file, not one per feature, because every file
// loaded costs more than its size (a module graph of 23 files took 15 ms to load where one of
// 200 KB took 9 ms).
export { DailySpend } from './dailySpend/dailySpendPanel';
export { SpendOverview } from './spendOverview/spendChartPanel';
export { InvoiceSummaryPanels } from './invoices/summary/summaryPanel';
export * as invoiceCommands from './invoices/invoiceCommands';
export * as accountCommands from './accounts/accountCommands';
export * as tokenCommands from './accounts/tokenCommands';
export { lineItemCommands } from './lineItems/lineItemCommands';
export * as toolCalls from './agentTools/toolCalls';
// Asked for by the stores through the container, with an invoice's first expansion and the
// day's first fetch of daily spend.
export * as lineItemsLoader from './lineItems/lineItemsLoader';
export * as insightsFetching from './insights/fetchInsights';
