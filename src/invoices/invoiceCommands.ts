import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { PREVIEW } from '../api/client';
import { ApiError } from '../api/errors';
import { apiUuidOf } from '../api/parse';
import { Invoice, InvoiceFile } from '../api/types';
import { defaultDownloadName, SaveError, writeFileAtomic } from './download';
import { l10n } from '../util/l10n';
import { formatAmount } from '../util/money';
import { formatPeriod } from '../util/period';
import { InvoiceSummaryPanels } from './summary/summaryPanel';
import { COMMANDS, INVOICES_VIEW_ID } from '../constants';
import { TokenCommandDeps } from '../accounts/tokenCommands';

/** The invoices view's node for an invoice (or the preview), as menus pass it to commands. */
export interface InvoiceTarget {
  readonly kind: 'invoice';
  readonly invoice: Invoice;
  readonly inProgress: boolean;
}

export interface InvoiceCommandDeps extends TokenCommandDeps {
  readonly locale: string;
  /** Remembers the folder of the last download. */
  readonly globalState: vscode.Memento;
}

type FileFormat = 'pdf' | 'csv';

const LAST_FOLDER_KEY = 'digitaloceanInvoices.lastDownloadFolder';
const FORMAT_LABEL: Record<FileFormat, string> = { pdf: 'PDF', csv: 'CSV' };

function asTarget(arg: unknown): InvoiceTarget | undefined {
  const node = arg as Partial<InvoiceTarget> | undefined;
  return node?.kind === 'invoice' && typeof node.invoice?.invoiceUuid === 'string' ? (node as InvoiceTarget) : undefined;
}

/** The invoice a command was run on, or (from the palette) one picked from those loaded. */
async function chooseInvoice(deps: InvoiceCommandDeps, arg: unknown, title: string, closedOnly = false): Promise<InvoiceTarget | undefined> {
  const given = asTarget(arg);
  if (given) {
    return given;
  }
  const { invoices, preview } = deps.state.snapshot;
  const targets: InvoiceTarget[] = [
    ...(preview && !closedOnly ? [{ kind: 'invoice' as const, invoice: preview, inProgress: true }] : []),
    ...invoices.map((invoice) => ({ kind: 'invoice' as const, invoice, inProgress: false })),
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

/** The active account's token; without one, says so and offers to set it. */
async function activeToken(deps: InvoiceCommandDeps): Promise<string | undefined> {
  const token = await deps.accounts.token(deps.accounts.active);
  if (!token) {
    const setToken = l10n.t('Set API Token');
    void vscode.window.showErrorMessage(l10n.t('Set a DigitalOcean API token first.'), setToken).then((choice) => {
      if (choice === setToken) {
        void vscode.commands.executeCommand(COMMANDS.setToken);
      }
    });
  }
  return token;
}

function inView<T>(title: string, task: () => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: { viewId: INVOICES_VIEW_ID }, title }, task);
}

function report(deps: InvoiceCommandDeps, what: string, failure: unknown): void {
  const reason = failure instanceof ApiError ? failure.fullMessage : failure instanceof Error ? failure.message : String(failure);
  deps.logger.error(`${what}: ${reason}`);
  void vscode.window.showErrorMessage(failure instanceof SaveError ? failure.message : l10n.t('{0}: {1}', what, reason));
}

/** The uuid to ask the API with: the invoice's own, or for the month in progress the keyword. */
function apiUuid(target: InvoiceTarget): string {
  const uuid = apiUuidOf(target.invoice);
  if (uuid) {
    return uuid;
  }
  if (target.inProgress) {
    return PREVIEW;
  }
  throw new Error(l10n.t('The API sent this invoice without an invoice_uuid, so its details cannot be fetched.'));
}

async function showSummary(deps: InvoiceCommandDeps, panels: InvoiceSummaryPanels, arg: unknown): Promise<vscode.WebviewPanel | undefined> {
  const target = await chooseInvoice(deps, arg, l10n.t('Show Invoice Summary'));
  const token = target && (await activeToken(deps));
  if (!target || !token) {
    return undefined;
  }
  const month = formatPeriod(target.invoice.period, deps.locale);
  try {
    const summary = await inView(l10n.t('Loading the invoice summary of {0}…', month), () => deps.client.getInvoiceSummary(apiUuid(target), { token }));
    return panels.show(target.invoice, target.inProgress, summary);
  } catch (failure) {
    report(deps, l10n.t('Could not load the invoice summary of {0}', month), failure);
    return undefined;
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

/** Offers to open the saved file; not awaited, so a command never waits for the notification. */
async function offerToOpen(target: vscode.Uri, format: FileFormat): Promise<void> {
  const open = l10n.t('Open');
  const reveal = revealLabel();
  const actions = target.scheme === 'file' ? [open, reveal] : [open];
  const choice = await vscode.window.showInformationMessage(l10n.t('Saved {0}.', path.basename(target.path)), ...actions);
  if (choice === open && format === 'csv') {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
  } else if (choice === open) {
    await vscode.env.openExternal(target);
  } else if (choice === reveal) {
    await vscode.commands.executeCommand('revealFileInOS', target);
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
  const token = await activeToken(deps);
  const destination = token && (targetArg instanceof vscode.Uri ? targetArg : await askWhereToSave(deps, target.invoice, format));
  if (!token || !destination) {
    return undefined;
  }
  const month = formatPeriod(target.invoice.period, deps.locale);
  try {
    await inView(l10n.t('Downloading the invoice {0} of {1}…', label, month), async () => {
      const uuid = apiUuid(target);
      const file = format === 'pdf' ? await deps.client.getInvoicePdf(uuid, { token }) : await deps.client.getInvoiceCsv(uuid, { token });
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
  void offerToOpen(destination, format);
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

/** Registers the commands that act on one invoice; everything is owned by `context`. */
export function registerInvoiceCommands(deps: TokenCommandDeps, context: vscode.ExtensionContext, locale: string): void {
  const full: InvoiceCommandDeps = { ...deps, locale, globalState: context.globalState };
  const panels = new InvoiceSummaryPanels({
    extensionUri: context.extensionUri,
    locale,
    onAction: (action, invoice) => void download(full, action === 'downloadPdf' ? 'pdf' : 'csv', { kind: 'invoice', invoice, inProgress: false }, undefined),
  });
  const register = (id: string, run: (...args: unknown[]) => unknown) => vscode.commands.registerCommand(id, run);
  context.subscriptions.push(
    panels,
    register(COMMANDS.showInvoiceSummary, (arg) => showSummary(full, panels, arg)),
    register(COMMANDS.downloadInvoicePdf, (arg, target) => download(full, 'pdf', arg, target)),
    register(COMMANDS.downloadInvoiceCsv, (arg, target) => download(full, 'csv', arg, target)),
    register(COMMANDS.copyInvoiceId, (arg) => copy(full, arg, 'invoiceId')),
    register(COMMANDS.copyInvoiceUuid, (arg) => copy(full, arg, 'invoiceUuid')),
  );
}
