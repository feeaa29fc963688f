import * as vscode from 'vscode';
import { InvoiceList } from './invoiceList';
import { l10n } from '../util/l10n';
import { InvoicesView } from './invoicesView';

/**
 * Selects an invoice in the invoices view. When it is not loaded yet, loads more pages until
 * it is (both lists are newest first, so it is seldom far) or the list ends; says so when it
 * is not found. Returns whether it was revealed.
 */
export async function revealInvoice(invoiceUuid: string, state: InvoiceList, view: InvoicesView): Promise<boolean> {
  for (;;) {
    if (state.snapshot.activity === 'refreshing') {
      await state.refresh();
    }
    if (await view.reveal(invoiceUuid)) {
      return true;
    }
    const loaded = state.snapshot.items.length;
    if (!state.snapshot.next) {
      break;
    }
    await state.loadMore();
    if (state.snapshot.items.length === loaded) {
      // The page failed (the invoices view shows why) or brought nothing new.
      break;
    }
  }
  const error = state.snapshot.error;
  void vscode.window.showInformationMessage(error
    ? l10n.t('The invoice {0} could not be shown: {1}', invoiceUuid, error.message)
    : l10n.t('The invoice {0} is not in the list of invoices.', invoiceUuid));
  return false;
}
