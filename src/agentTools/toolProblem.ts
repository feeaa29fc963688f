import { ShownError } from '../paging/pagedList';
import { l10n } from '../util/l10n';

/**
 * Why a tool answers with a message instead of figures: the message is the whole result,
 * written for the model to pass on.
 */
export class ToolProblem extends Error {
  constructor(
    readonly kind: 'input' | 'noToken' | 'apiError' | 'notFound' | 'accountChanged' | 'interrupted',
    message: string,
  ) {
    super(message);
    this.name = 'ToolProblem';
  }
}

/** The invocation was cancelled: no result is wanted. */
export class ToolCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ToolCancelled';
  }
}

export function noTokenProblem(accountName: string): ToolProblem {
  return new ToolProblem('noToken', l10n.t(
    'No DigitalOcean API token is set for the account "{0}". Run "DigitalOcean Invoices: Set API Token" from the Command Palette (command digitaloceanInvoices.setToken) and paste a token with the billing:read scope, or click Set API Token in the DigitalOcean Invoices view.',
    accountName,
  ));
}

/** What the view's error row says, and for a refused token how to set another one, as its actions offer. */
export function apiErrorText(error: ShownError): string {
  return error.kind === 'unauthorized' || error.kind === 'forbidden'
    ? `${error.message} ${l10n.t('Run "DigitalOcean Invoices: Set API Token" to set another token.')}`
    : error.message;
}

export function apiProblem(error: ShownError): ToolProblem {
  return new ToolProblem('apiError', l10n.t('The DigitalOcean API could not be read: {0}', apiErrorText(error)));
}

export function accountChangedProblem(): ToolProblem {
  return new ToolProblem('accountChanged', l10n.t('The active DigitalOcean account changed while the data was read; ask again for the account now active.'));
}
