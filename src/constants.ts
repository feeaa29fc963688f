/** Command ids from the public contract (shared/notes/contract.md): keep them stable. */
export const COMMANDS = {
  refresh: 'digitaloceanInvoices.refresh',
  setToken: 'digitaloceanInvoices.setToken',
  clearToken: 'digitaloceanInvoices.clearToken',
  loadMore: 'digitaloceanInvoices.loadMore',
  showLog: 'digitaloceanInvoices.showLog',
  openBillingPage: 'digitaloceanInvoices.openBillingPage',
  addAccount: 'digitaloceanInvoices.addAccount',
  switchAccount: 'digitaloceanInvoices.switchAccount',
  renameAccount: 'digitaloceanInvoices.renameAccount',
  removeAccount: 'digitaloceanInvoices.removeAccount',
  importDoctlAccounts: 'digitaloceanInvoices.importDoctlAccounts',
  showSpendOverview: 'digitaloceanInvoices.showSpendOverview',
  /** Takes an optional day ('YYYY-MM-DD') to open at: the alert rows pass theirs. */
  showDailySpend: 'digitaloceanInvoices.showDailySpend',
  retryLineItems: 'digitaloceanInvoices.retryLineItems',
  showMoreLineItems: 'digitaloceanInvoices.showMoreLineItems',
  groupLineItemsByProject: 'digitaloceanInvoices.groupLineItemsByProject',
  groupLineItemsByProduct: 'digitaloceanInvoices.groupLineItemsByProduct',
  showInvoiceSummary: 'digitaloceanInvoices.showInvoiceSummary',
  downloadInvoicePdf: 'digitaloceanInvoices.downloadInvoicePdf',
  downloadInvoiceCsv: 'digitaloceanInvoices.downloadInvoiceCsv',
  copyInvoiceId: 'digitaloceanInvoices.copyInvoiceId',
  copyInvoiceUuid: 'digitaloceanInvoices.copyInvoiceUuid',
  copyLineItemDescription: 'digitaloceanInvoices.copyLineItemDescription',
  copyLineItemResourceId: 'digitaloceanInvoices.copyLineItemResourceId',
  copyLineItemResourceUuid: 'digitaloceanInvoices.copyLineItemResourceUuid',
  loadMoreBillingHistory: 'digitaloceanInvoices.loadMoreBillingHistory',
  revealInvoice: 'digitaloceanInvoices.revealInvoice',
} as const;

export const VIEW_CONTAINER_ID = 'digitaloceanInvoices';
export const INVOICES_VIEW_ID = 'digitaloceanInvoices.invoices';
export const BILLING_HISTORY_VIEW_ID = 'digitaloceanInvoices.billingHistory';
export const STATUS_BAR_ITEM_ID = 'digitaloceanInvoices.monthToDate';
/** The webview panels' view types; package.json activates on `onWebviewPanel:` each. */
export const INVOICE_SUMMARY_VIEW_TYPE = 'digitaloceanInvoices.invoiceSummary';
export const SPEND_OVERVIEW_VIEW_TYPE = 'digitaloceanInvoices.spendOverview';
export const DAILY_SPEND_VIEW_TYPE = 'digitaloceanInvoices.dailySpend';
export const HAS_TOKEN_CONTEXT = 'digitaloceanInvoices.hasToken';
/** `product` or `project`: which of the two grouping toggles the invoices view's title bar shows. */
export const GROUP_LINE_ITEMS_BY_CONTEXT = 'digitaloceanInvoices.groupLineItemsBy';
