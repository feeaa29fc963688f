/** Tool names from the public contract (shared/notes/contract.md): prompts and saved agent instructions name them. */
export const TOOL_NAMES = {
  listInvoices: 'digitaloceanInvoices_listInvoices',
  invoiceBreakdown: 'digitaloceanInvoices_invoiceBreakdown',
  monthToDate: 'digitaloceanInvoices_monthToDate',
  dailySpend: 'digitaloceanInvoices_dailySpend',
  billingHistory: 'digitaloceanInvoices_billingHistory',
} as const;
