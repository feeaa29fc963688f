import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { ApiError } from '../api/errors';
import { apiUuidOf } from '../api/parse';
import { Invoice, InvoiceFile, InvoiceSummary } from '../api/types';
import { CallOptions } from '../api/http';
import { KeyValueStore } from '../storage/accountCache';
import { STATE_KEYS } from '../storage/keys';
import { defaultDownloadName, SaveError, writeFileAtomic } from './download';
import { DownloadAction, downloadActions, DownloadHost } from './downloadActions';
import { l10n } from '../util/l10n';
import { formatAmount } from '../util/money';
import { formatPeriod } from '../util/period';
import type { InvoiceSummaryPanels } from './summary/summaryPanel';
import { COMMANDS, INVOICES_VIEW_ID } from '../constants';
import { DigitalOceanClient } from '../api/client';
import { Session } from '../session/session';
import { Logger } from '../util/logger';
import { InvoiceList } from './invoiceList';
import { InvoiceRow, invoiceRow } from './invoiceNodes';

/** The invoice a command acts on: a row of the invoices view, as menus pass it. */
export type InvoiceTarget = InvoiceRow;

export interface InvoiceCommandDeps {
  readonly session: Session;
  readonly invoices: InvoiceList;
  readonly client: DigitalOceanClient;
  readonly logger: Logger;
  readonly locale: string;
  /** Remembers the folder of the last download. */
  readonly globalState: KeyValueStore;
}

type FileFormat = 'pdf' | 'csv';

const LAST_FOLDER_KEY = STATE_KEYS.lastDownloadFolder;
const FORMAT_LABEL: Record<FileFormat, string> = { pdf: 'PDF', csv: 'CSV' };

function asTarget(arg: unknown): InvoiceTarget | undefined {
  const node = arg as Partial<InvoiceTarget> | undefined;
  return node?.kind === 'invoice' && typeof node.invoice?.invoiceUuid === 'string' ? (node as InvoiceTarget) : undefined;
}

/** The invoice a command was run on, or (from the palette) one picked from those loaded. */
async function chooseInvoice(deps: InvoiceCommandDeps, arg: unknown, title: string, closedOnly = false): Promise<InvoiceTarget | undefined> {
  const given = asTarget(arg);
  if (given) {
    return invoiceRow(given.invoice, given.inProgress);
  }
  const { items: invoices, preview } = deps.invoices.snapshot;
  const targets: InvoiceTarget[] = [
    ...(preview && !closedOnly ? [invoiceRow(preview, true)] : []),
    ...invoices.map((invoice) => invoiceRow(invoice, false)),
  ];
  if (targets.length === 0) {
    void vscode.window.showInformationMessage(l10n.t('No invoices are loaded yet. Set an API token, or refresh the Invoices view.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(targets.map((target) => {
    const amount = formatAmount(target.invoice.amount, deps.locale);
    return {
      label: formatPeriod(target.invoice.period, deps.locale),
      description: target.inProgress ? l10n.t('{0} · in progress', amount) : amount,
      detail: target.invoice.invoiceId ? l10n.t('Invoice {0}', target.invoice.invoiceId) : undefined,
      target,
    };
  }), { title, placeHolder: l10n.t('Choose an invoice'), matchOnDescription: true, matchOnDetail: true });
  return picked?.target;
}

/** Options for a call of the session's account; without a token, says so and offers to set one. */
function sessionCall(deps: InvoiceCommandDeps): CallOptions | undefined {
  const call = deps.session.begin()?.call();
  if (!call) {
    const setToken = l10n.t('Set API Token');
    void vscode.window.showErrorMessage(l10n.t('Set a DigitalOcean API token first.'), setToken).then((choice) => {
      if (choice === setToken) {
        void vscode.commands.executeCommand(COMMANDS.setToken);
      }
    });
  }
  return call;
}

function inView<T>(title: string, task: () => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: { viewId: INVOICES_VIEW_ID }, title }, task);
}

function reasonOf(failure: unknown): string {
  return failure instanceof ApiError ? failure.fullMessage : failure instanceof Error ? failure.message : String(failure);
}

function report(deps: InvoiceCommandDeps, what: string, failure: unknown): void {
  const reason = reasonOf(failure);
  deps.logger.error(`${what}: ${reason}`);
  void vscode.window.showErrorMessage(failure instanceof SaveError ? failure.message : l10n.t('{0}: {1}', what, reason));
}

/** The id to ask the API with (see invoiceApiId). */
function apiId(target: InvoiceTarget): string {
  if (target.itemsKey) {
    return target.itemsKey;
  }
  throw new Error(l10n.t('The API sent this invoice without an invoice_uuid, so its details cannot be fetched.'));
}

/** The summary panels, loaded with the first of them. */
export interface SummaryPanelsSource {
  get(): Promise<InvoiceSummaryPanels>;
}

async function showSummary(deps: InvoiceCommandDeps, panels: SummaryPanelsSource, arg: unknown): Promise<vscode.WebviewPanel | undefined> {
  const target = await chooseInvoice(deps, arg, l10n.t('Show Invoice Summary'));
  if (!target || !sessionCall(deps)) {
    return undefined;
  }
  return (await panels.get()).show(target);
}

/** Resolves once the session has read the active account's token (at startup, it may not have yet). */
function sessionStarted(session: Session): Promise<void> {
  if (!session.state.starting) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const subscription = session.onDidChange((state) => {
      if (!state.starting) {
        subscription.dispose();
        resolve();
      }
    });
  });
}

/**
 * The summary of an invoice for a summary panel (also one restored after a reload); logs a
 * failure and rejects with an Error that says why, for the panel to show.
 */
export async function fetchInvoiceSummary(deps: InvoiceCommandDeps, target: InvoiceTarget, signal: AbortSignal): Promise<InvoiceSummary> {
  const month = formatPeriod(target.invoice.period, deps.locale);
  const what = l10n.t('Could not load the invoice summary of {0}', month);
  try {
    await sessionStarted(deps.session);
    const call = deps.session.begin()?.call({ signal });
    if (!call) {
      throw new Error(l10n.t('Set a DigitalOcean API token first.'));
    }
    return await inView(l10n.t('Loading the invoice summary of {0}…', month), () => deps.client.getInvoiceSummary(apiId(target), call));
  } catch (failure) {
    const reason = reasonOf(failure);
    if (!signal.aborted) {
      deps.logger.error(`${what}: ${reason}`);
    }
    throw new Error(l10n.t('{0}: {1}', what, reason));
  }
}

async function isDirectory(folder: string): Promise<boolean> {
  try {
    return (await fs.stat(folder)).isDirectory();
  } catch {
    return false;
  }
}

/** The folder of the last download, else ~/Downloads, else the home folder. */
async function defaultFolder(deps: InvoiceCommandDeps): Promise<string> {
  const last = deps.globalState.get<string>(LAST_FOLDER_KEY);
  if (last && (await isDirectory(last))) {
    return last;
  }
  const downloads = path.join(os.homedir(), 'Downloads');
  return (await isDirectory(downloads)) ? downloads : os.homedir();
}

async function askWhereToSave(deps: InvoiceCommandDeps, invoice: Invoice, format: FileFormat): Promise<vscode.Uri | undefined> {
  const name = defaultDownloadName(invoice, format);
  return vscode.window.showSaveDialog({
    title: l10n.t('Save Invoice {0}', FORMAT_LABEL[format]),
    defaultUri: vscode.Uri.file(path.join(await defaultFolder(deps), name)),
    filters: { [FORMAT_LABEL[format]]: [format] },
    saveLabel: l10n.t('Save'),
  });
}

/**
 * A PDF cut short in transit (a chunked body that ends early looks complete to HTTP) has no
 * end-of-file marker near its end; such a file is refused rather than saved.
 */
function checkComplete(file: InvoiceFile, format: FileFormat): void {
  const tail = file.bytes.subarray(Math.max(0, file.bytes.length - 1024)).toString('latin1');
  if (format === 'pdf' && (file.bytes.subarray(0, 5).toString('latin1') !== '%PDF-' || !tail.includes('%%EOF'))) {
    throw new ApiError('invalidResponse', l10n.t('The invoice PDF arrived incomplete or damaged ({0} bytes).', file.bytes.length));
  }
}

/** Local files are written atomically; other file systems (remote) through VS Code. */
async function saveBytes(target: vscode.Uri, file: InvoiceFile): Promise<void> {
  if (target.scheme === 'file') {
    await writeFileAtomic(target.fsPath, file.bytes);
  } else {
    await vscode.workspace.fs.writeFile(target, file.bytes);
  }
}

function revealLabel(): string {
  if (process.platform === 'darwin') {
    return l10n.t('Reveal in Finder');
  }
  return process.platform === 'win32' ? l10n.t('Reveal in File Explorer') : l10n.t('Open Containing Folder');
}

function actionLabel(action: DownloadAction): string {
  switch (action) {
    case 'openInEditor':
    case 'openWithSystem':
      return l10n.t('Open');
    case 'revealInOS':
      return revealLabel();
    case 'revealInExplorer':
      return l10n.t('Reveal in Explorer');
  }
}

async function runAction(action: DownloadAction, target: vscode.Uri): Promise<void> {
  switch (action) {
    case 'openInEditor':
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
      return;
    case 'openWithSystem':
      await vscode.env.openExternal(target);
      return;
    case 'revealInOS':
      await vscode.commands.executeCommand('revealFileInOS', target);
      return;
    case 'revealInExplorer':
      await vscode.commands.executeCommand('revealInExplorer', target);
      return;
  }
}

/** The window at hand, for downloadActions. */
function downloadHost(target: vscode.Uri): DownloadHost {
  return {
    ui: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
    remoteName: vscode.env.remoteName,
    scheme: target.scheme,
    inWorkspace: vscode.workspace.getWorkspaceFolder(target) !== undefined,
  };
}

/**
 * Offers what works for the saved file in this window; not awaited, so a command never waits
 * for the notification. Without a way to show the file, the message says where it is.
 */
async function offerToOpen(deps: InvoiceCommandDeps, target: vscode.Uri, format: FileFormat): Promise<void> {
  const actions = downloadActions(format, downloadHost(target));
  deps.logger.info(`Offered for ${path.basename(target.path)}: ${actions.join(', ') || 'nothing'}.`);
  const name = path.basename(target.path);
  const canShow = actions.some((action) => action === 'revealInOS' || action === 'revealInExplorer');
  const message = canShow ? l10n.t('Saved {0}.', name) : l10n.t('Saved {0} in {1}.', name, file(vscode.Uri.joinPath(target, '..')));
  const labels = actions.map(actionLabel);
  const choice = await vscode.window.showInformationMessage(message, ...labels);
  const chosen = choice === undefined ? undefined : actions[labels.indexOf(choice)];
  if (chosen) {
    await runAction(chosen, target);
  }
}

/**
 * Download Invoice PDF/CSV: a closed invoice's file, saved where the user says (or at
 * `targetArg`, a Uri, for tests and other callers), bytes exactly as received.
 */
async function download(deps: InvoiceCommandDeps, format: FileFormat, arg: unknown, targetArg: unknown): Promise<vscode.Uri | undefined> {
  const label = FORMAT_LABEL[format];
  const target = await chooseInvoice(deps, arg, l10n.t('Download Invoice {0}', label), true);
  if (!target) {
    return undefined;
  }
  if (target.inProgress) {
    void vscode.window.showInformationMessage(l10n.t('The month in progress has no invoice {0} yet: it is issued after the month ends.', label));
    return undefined;
  }
  const call = sessionCall(deps);
  const destination = call && (targetArg instanceof vscode.Uri ? targetArg : await askWhereToSave(deps, target.invoice, format));
  if (!call || !destination) {
    return undefined;
  }
  const month = formatPeriod(target.invoice.period, deps.locale);
  try {
    await inView(l10n.t('Downloading the invoice {0} of {1}…', label, month), async () => {
      const uuid = apiId(target);
      const file = format === 'pdf' ? await deps.client.getInvoicePdf(uuid, call) : await deps.client.getInvoiceCsv(uuid, call);
      checkComplete(file, format);
      await saveBytes(destination, file);
    });
  } catch (failure) {
    report(deps, l10n.t('Could not download the invoice {0} of {1}', label, month), failure);
    return undefined;
  }
  deps.logger.info(`Saved the invoice ${label} of ${target.invoice.period} (${file(destination)}).`);
  if (destination.scheme === 'file') {
    await deps.globalState.update(LAST_FOLDER_KEY, path.dirname(destination.fsPath));
  }
  offerToOpen(deps, destination, format).catch((error: unknown) => deps.logger.warn(`Could not open ${file(destination)}: ${String(error)}`));
  return destination;
}

function file(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

async function copy(deps: InvoiceCommandDeps, arg: unknown, field: 'invoiceId' | 'invoiceUuid'): Promise<string | undefined> {
  const name = field === 'invoiceId' ? l10n.t('invoice ID') : l10n.t('invoice UUID');
  const target = await chooseInvoice(deps, arg, field === 'invoiceId' ? l10n.t('Copy Invoice ID') : l10n.t('Copy Invoice UUID'));
  const value = target && (field === 'invoiceUuid' ? apiUuidOf(target.invoice) : target.invoice.invoiceId.trim());
  if (!target) {
    return undefined;
  }
  if (!value) {
    void vscode.window.showInformationMessage(l10n.t('This invoice has no {0}.', name));
    return undefined;
  }
  await vscode.env.clipboard.writeText(value);
  vscode.window.setStatusBarMessage(l10n.t('Copied the {0} {1}.', name, value), 4000);
  return value;
}

/** The commands that act on one invoice; the summary panels are owned by the caller. */
export function invoiceCommands(deps: InvoiceCommandDeps, panels: SummaryPanelsSource) {
  return {
    [COMMANDS.showInvoiceSummary]: (arg: unknown) => showSummary(deps, panels, arg),
    [COMMANDS.downloadInvoicePdf]: (arg: unknown, target: unknown) => download(deps, 'pdf', arg, target),
    [COMMANDS.downloadInvoiceCsv]: (arg: unknown, target: unknown) => download(deps, 'csv', arg, target),
    [COMMANDS.copyInvoiceId]: (arg: unknown) => copy(deps, arg, 'invoiceId'),
    [COMMANDS.copyInvoiceUuid]: (arg: unknown) => copy(deps, arg, 'invoiceUuid'),
  };
}

/** Downloads a closed invoice's file (the summary panel's buttons). */
export function downloadInvoice(deps: InvoiceCommandDeps, format: FileFormat, invoice: Invoice): Promise<vscode.Uri | undefined> {
  return download(deps, format, invoiceRow(invoice, false), undefined);
}
