// Opens the VS Code server's browser workbench in Debian's Chromium through playwright-core.
// The workbench reports the end of an extension test run through window.codeAutomationExit
// and its log lines through window.codeAutomationLog (VS Code's browser test protocol).
import * as fs from 'fs';
import { Browser, chromium, Page } from 'playwright-core';
import * as util from 'util';
import { CHROMIUM_PATH } from './install-vscode-server';
import { HarnessError } from './proc';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface WorkbenchOptions {
  /** The server's http://127.0.0.1:<port>. */
  serverUrl: string;
  /** Folder (on the server) to open as the workspace. */
  folder: string;
  /** Absolute path of an extension to load as a development extension. */
  extensionDevelopmentPath?: string;
  /** Absolute path of a compiled module exporting run(): Promise<void>. */
  extensionTestsPath?: string;
  /** Receives every workbench log line (console-style arguments already formatted). */
  onLog?: (type: string, line: string) => void;
  viewport?: { width: number; height: number };
  /**
   * VS Code's display language for the page, e.g. "de". Without a language pack the server
   * serves English NLS and no language, so it is set where the workbench reads it
   * (globalThis._VSCODE_NLS_LANGUAGE); extension hosts then get it as vscode.env.language
   * and load the extension's l10n/bundle.l10n.<language>.json. The workbench's own UI stays English.
   */
  displayLanguage?: string;
}

export interface Workbench {
  browser: Browser;
  page: Page;
  /** Resolves with the code passed to window.codeAutomationExit (extension test runs). */
  exitCode: Promise<number>;
  /** Closes Chromium. Idempotent. */
  close(): Promise<void>;
}

/** The workbench URL with the development extension / test payload. */
export function workbenchUrl(options: WorkbenchOptions): string {
  const authority = new URL(options.serverUrl).host;
  const remote = (absolutePath: string) => `vscode-remote://${authority}${absolutePath}`;
  const payload: [string, string][] = [];
  if (options.extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]);
  }
  if (options.extensionTestsPath) {
    payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  }
  const query = new URLSearchParams({ folder: options.folder });
  if (payload.length > 0) {
    query.set('payload', JSON.stringify(payload));
  }
  return `${options.serverUrl}/?${query.toString()}`;
}

export async function openWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new HarnessError(`Missing Debian package chromium (${CHROMIUM_PATH}): run "apt-get install -y chromium" as root.`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= browser.close().catch(() => undefined));
  try {
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 800 } });
    let resolveExit: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (resolveExit = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(Number(code)));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      options.onLog?.(String(type), util.format(...(Array.isArray(args) ? args : [args])));
    });
    if (options.displayLanguage) {
      await page.addInitScript((language) => {
        (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE = language;
      }, options.displayLanguage);
    }
    await page.goto(workbenchUrl(options));
    return { browser, page, exitCode, close };
  } catch (error) {
    await close();
    throw error;
  }
}
