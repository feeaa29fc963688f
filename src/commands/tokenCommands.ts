import * as vscode from 'vscode';
import { DigitalOceanClient } from '../api/client';
import { ApiError } from '../api/errors';
import { InvoicesPage } from '../api/types';
import { checkTokenInput } from '../auth/token';
import { TokenStorageError, TokenStore } from '../auth/tokenStore';
import { InvoiceState } from '../state/invoiceState';
import { INVOICES_VIEW_ID } from './ids';
import { l10n } from '../util/l10n';
import { Logger } from '../util/logger';

export interface TokenCommandDeps {
  readonly tokenStore: TokenStore;
  readonly state: InvoiceState;
  readonly client: DigitalOceanClient;
  readonly logger: Logger;
  readonly pageSize: () => number;
}

export type SetTokenOutcome = 'saved' | 'rejected' | 'cancelled' | 'storageFailed';

/** Asks for a token, checks it with one API call, and stores it only if DigitalOcean accepts it. */
export async function promptForToken(deps: TokenCommandDeps): Promise<SetTokenOutcome> {
  const input = await vscode.window.showInputBox({
    title: l10n.t('Set DigitalOcean API Token'),
    prompt: l10n.t('Paste a DigitalOcean API token with the billing:read scope. It is kept in VS Code\'s secret storage.'),
    placeHolder: 'dop_v1_…',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => {
      const check = checkTokenInput(value);
      if (check.error) {
        return { message: check.error, severity: vscode.InputBoxValidationSeverity.Error };
      }
      return check.warning ? { message: check.warning, severity: vscode.InputBoxValidationSeverity.Warning } : undefined;
    },
  });
  if (input === undefined) {
    return 'cancelled';
  }
  const { token, error } = checkTokenInput(input);
  if (error) {
    return 'cancelled';
  }
  return saveToken(token, deps);
}

/** Verifies and stores a token; shared by the command and the test API. */
export async function saveToken(token: string, deps: TokenCommandDeps): Promise<SetTokenOutcome> {
  deps.logger.redactor.addSecret(token);
  let firstPage: InvoicesPage | undefined;
  try {
    firstPage = await vscode.window.withProgress(
      { location: { viewId: INVOICES_VIEW_ID }, title: l10n.t('Checking the token…') },
      () => deps.client.listInvoices({ page: 1, perPage: deps.pageSize() }, { token }),
    );
  } catch (failure) {
    const message = failure instanceof ApiError ? failure.fullMessage : String(failure);
    if (failure instanceof ApiError && (failure.kind === 'unauthorized' || failure.kind === 'forbidden')) {
      void vscode.window.showErrorMessage(l10n.t('The token was not saved: {0}', message));
      return 'rejected';
    }
    const saveAnyway = l10n.t('Save Anyway');
    const choice = await vscode.window.showWarningMessage(l10n.t('The token could not be checked: {0}', message), saveAnyway);
    if (choice !== saveAnyway) {
      return 'rejected';
    }
  }
  const previous = await deps.tokenStore.get();
  try {
    if (firstPage) {
      await deps.state.adoptVerified(token, firstPage);
    } else {
      deps.state.setToken(token);
    }
    await deps.tokenStore.store(token);
  } catch (failure) {
    deps.state.setToken(previous);
    const message = failure instanceof TokenStorageError ? failure.message : String(failure);
    deps.logger.error(message);
    void vscode.window.showErrorMessage(message);
    return 'storageFailed';
  }
  deps.logger.info('API token saved.');
  if (!firstPage) {
    void deps.state.refresh();
  }
  return 'saved';
}

/** Deletes the token and the cached data of that token. */
export async function clearToken(deps: TokenCommandDeps): Promise<void> {
  try {
    await deps.tokenStore.delete();
  } catch (failure) {
    void vscode.window.showErrorMessage(failure instanceof Error ? failure.message : String(failure));
    return;
  }
  await deps.state.forgetCurrent();
  deps.logger.info('API token and its cached data removed.');
}
