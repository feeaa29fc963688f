// Shared fixture for the Playwright UI tests (run by test/host/run-ui.ts in the test's own
// Node process). Each call of useWorkbench() — once in a file's top-level describe — gets a
// fresh fake DigitalOcean API, a fresh VS Code server with a fresh profile, and a workbench in
// headless Chromium with this extension loaded as a development extension.
//
//   describe('Invoices view', () => {
//     const ui = useWorkbench();
//     it('lists invoices', async () => {
//       await ui.runCommand('DigitalOcean Invoices: Set API Token');
//       await ui.answerInput(FAKE_TOKEN);
//       await ui.waitForTreeItem('December 2019');
//     });
//   });
//
// Every wait is for a condition (Playwright locators); a failing test leaves a screenshot and
// the workbench's console lines in test-results/ui/.
import * as fs from 'fs';
import * as path from 'path';
import { Frame, Locator, Page } from 'playwright-core';
import { FAKE_TOKEN, FakeDoApi, type Fault } from '../fake-api/server';
import { projectRoot, testResultsDir } from '../host/paths';
import { sandboxFakeApiOptions, sandboxServerOptions } from '../host/sandbox-server';
import { ServerOptions, startVscodeServer, VscodeServer } from '../host/vscode-server';
import { openWorkbench, Workbench } from '../host/workbench';

export { FAKE_TOKEN };

export const EXTENSION_ID = 'doinvoices.digitalocean-invoices';
/** The extension's output channel. */
export const LOG_CHANNEL_NAME = 'DigitalOcean Invoices';
export const VIEW_CONTAINER_ID = 'digitaloceanInvoices';
export const VIEW_CONTAINER_TITLE = 'DigitalOcean Invoices';
export const STATUS_BAR_ITEM_ID = 'digitaloceanInvoices.monthToDate';
/** The name of the invoices view, one of the container's views. */
export const INVOICES_VIEW_NAME = 'Invoices';
export const uiResultsDir = path.join(testResultsDir, 'ui');

/**
 * The README's copy of a screenshot, in media/screenshots/, written only when
 * DOI_UPDATE_SCREENSHOTS=1: a test run leaves the checkout as it found it (the shot itself is
 * in test-results/ui/ either way).
 */
export function updateReadmeScreenshot(shot: string, readmeName: string): void {
  if (process.env.DOI_UPDATE_SCREENSHOTS === '1') {
    fs.copyFileSync(shot, path.join(projectRoot, 'media', 'screenshots', readmeName));
  }
}
const activityBarItemSelector = `.part.activitybar li.action-item[role="tab"]:has(> a.action-label[aria-label^="${VIEW_CONTAINER_TITLE}"])`;
/** Start-up (server + workbench) may take this long. */
const SETUP_TIMEOUT_MS = 120_000;

export interface WorkbenchFixtureOptions {
  /** Extra user settings (digitaloceanInvoices.apiUrl is set to the fake API already). */
  settings?: Record<string, unknown>;
  /** Options for the fake API (latency, clock). */
  fakeApi?: ConstructorParameters<typeof FakeDoApi>[0];
  /** Browser window size; default 1280×800. */
  viewport?: { width: number; height: number };
  /** Extra environment of the server and so of the extension host (e.g. DIGITALOCEAN_ACCESS_TOKEN). */
  env?: NodeJS.ProcessEnv;
  /**
   * Start as `npm start` does (test/host/sandbox-server.ts): without the smoke-test driver, so
   * modal dialogs show and must be answered; with the key service, so secrets survive a
   * reload; signed in through DIGITALOCEAN_ACCESS_TOKEN; the walkthrough allowed to open.
   */
  sandbox?: boolean;
}

/** A rendered row of a tree: its position in the flattened tree and its accessible name. */
export interface TreeRow {
  index: number;
  label: string;
}

/**
 * The fake API of this fixture. It runs in the test's own process, so `api`'s methods
 * (addFault, setLatency, requests, ...) work directly; the HTTP control routes are here too.
 */
export interface FakeApiControl {
  url: string;
  api: FakeDoApi;
  token: string;
  /** POST /__fake/faults: queue one fault or several (the same as api.addFault). */
  faults(body: Fault | Fault[]): Promise<unknown>;
  /** POST /__fake/reset */
  reset(): Promise<unknown>;
  /** GET /__fake/requests */
  requests(): Promise<unknown>;
  /** POST /__fake/preview {"amount": amount} */
  preview(amount: string): Promise<unknown>;
}

export interface UiFixture {
  readonly page: Page;
  readonly fakeApi: FakeApiControl;
  readonly server: VscodeServer;
  /** Runs a command palette entry by its full title, e.g. "DigitalOcean Invoices: Refresh". */
  runCommand(title: string): Promise<void>;
  /** Types `text` into the open input box (or quick pick) and presses Enter. */
  answerInput(text: string): Promise<void>;
  /** The text field of the open input box or quick pick. */
  inputBox(): Locator;
  /** Sets the API token the way a user does: palette, password box, Enter. */
  setApiToken(token?: string): Promise<void>;
  /** The activity bar entry of the DigitalOcean Invoices view container. */
  activityBarItem(): Locator;
  /** Shows the DigitalOcean Invoices view container in the side bar; returns its element. */
  openView(): Promise<Locator>;
  /** The Invoices view's pane in the container (its header, welcome text and tree). */
  invoicesPane(): Locator;
  /** A tree item of the Invoices view whose accessible name contains (or matches) `label`. */
  treeItem(label: string | RegExp): Locator;
  /**
   * The row of the daily spend's alerts ("3 changes in daily spend"), found by the text it shows
   * (its accessible name is its tooltip). It comes in after the balance, with the first fetch of
   * daily spend, and moves the rows below it: a test clicks an invoice row once it is there.
   */
  alertsRow(): Locator;
  /** Opens the view if needed and waits until the tree item is visible. */
  waitForTreeItem(label: string | RegExp, timeoutMs?: number): Promise<Locator>;
  /** The rows of the view's tree that are rendered now (the list is virtualized). */
  renderedTreeRows(): Promise<TreeRow[]>;
  /** Scrolls the view's tree with the mouse wheel to its last row and returns that row. */
  scrollTreeToEnd(): Promise<Locator>;
  /** Scrolls the view's tree from top to bottom and returns every row once, in order. */
  collectTreeRows(): Promise<TreeRow[]>;
  /** Drags the side bar's edge so that the side bar is `width` pixels wide. */
  resizeSideBar(width: number): Promise<void>;
  /** The status bar item (DOM id `<extension id>.<item id>`). */
  statusBarItem(id?: string): Locator;
  /** Waits until the status bar item shows `text` and returns its whole text. */
  waitForStatusBarText(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Notification toasts containing `text`. */
  notification(text: string | RegExp): Locator;
  /** The first frame (webviews are nested iframes) holding an element that matches `selector`. */
  waitForFrameWith(selector: string, timeoutMs?: number): Promise<Frame>;
  /** Saves a screenshot to test-results/ui/<name>.png and returns its path; `of` crops to an element. */
  screenshot(name: string, of?: Locator): Promise<string>;
  /** Runs "Developer: Reload Window" and waits until the extension's contributions are back. */
  reloadWindow(): Promise<void>;
  /** The extension's log (its output channel's file) of the newest extension host: one per window load. */
  extensionLog(): string;
  /**
   * Waits until the browser workbench has stored the extension's globalState (its IndexedDB,
   * written shortly after each change) so that `check` holds: what a reload will read.
   */
  waitForStoredState(what: string, check: (state: Record<string, unknown>) => boolean): Promise<void>;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches exactly `text`, e.g. a tree item's whole accessible name. */
export function exactly(text: string): RegExp {
  return new RegExp(`^${escapeRegExp(text)}$`);
}

/** Runs in the page: the extension's globalState as the browser workbench stored it, as JSON. */
async function readStoredExtensionState(extensionId: string): Promise<string | undefined> {
  const request = <T>(of: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
    of.onsuccess = () => resolve(of.result);
    of.onerror = () => reject(of.error ?? new Error('IndexedDB request failed'));
  });
  const db = await request(indexedDB.open('vscode-web-state-db-global'));
  try {
    if (!db.objectStoreNames.contains('ItemTable')) {
      return undefined;
    }
    const value = await request(db.transaction('ItemTable').objectStore('ItemTable').get(extensionId));
    return typeof value === 'string' ? value : undefined;
  } finally {
    db.close();
  }
}

/** Calls `check` until it returns a value other than undefined (condition polling, not a sleep). */
export async function waitUntil<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 25; ; delay = Math.min(delay * 2, 250)) {
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

interface Session {
  api: FakeDoApi;
  fake: FakeApiControl;
  server: VscodeServer;
  workbench: Workbench;
  consoleLines: string[];
  close(): Promise<void>;
}

const liveSessions = new Set<() => Promise<void>>();

/** Stops every server, browser and fake API still running (run-ui.ts calls it on timeout or a signal). */
export async function closeAllWorkbenches(): Promise<void> {
  await Promise.all([...liveSessions].map((close) => close()));
}

/**
 * The server writes each extension host's logs to <user data>/logs/<start>/exthost<N>/, N
 * counting the window loads; an output channel's file is <extension id>/<channel name>.log.
 */
function newestExtensionLog(userDataDir: string): string {
  const logs = path.join(userDataDir, 'logs');
  const hosts = fs.readdirSync(logs)
    .flatMap((session) => fs.readdirSync(path.join(logs, session))
      .filter((name) => /^exthost\d+$/.test(name))
      .map((name) => ({ dir: path.join(logs, session, name), n: Number(name.slice('exthost'.length)) })))
    .sort((a, b) => a.n - b.n);
  const newest = hosts.at(-1);
  const file = newest && path.join(newest.dir, EXTENSION_ID, `${LOG_CHANNEL_NAME}.log`);
  return file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100) || 'screenshot';
}

function fakeApiControl(api: FakeDoApi, url: string): FakeApiControl {
  const call = async (method: 'GET' | 'POST', route: string, body?: unknown) => {
    const response = await fetch(new URL(route, url), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${method} ${route} answered ${response.status}: ${text}`);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  };
  return {
    url,
    api,
    token: FAKE_TOKEN,
    faults: (body) => call('POST', '/__fake/faults', body),
    reset: () => call('POST', '/__fake/reset', {}),
    requests: () => call('GET', '/__fake/requests'),
    preview: (amount) => call('POST', '/__fake/preview', { amount }),
  };
}

async function startSession(label: string, options: WorkbenchFixtureOptions): Promise<Session> {
  const stops: (() => Promise<unknown>)[] = [];
  const close = async () => {
    liveSessions.delete(close);
    for (let stop = stops.pop(); stop; stop = stops.pop()) {
      await stop().catch(() => undefined);
    }
  };
  liveSessions.add(close);
  try {
    const api = new FakeDoApi(options.sandbox ? sandboxFakeApiOptions(options.fakeApi) : options.fakeApi);
    const url = await api.start();
    stops.push(() => api.close());
    const serverOptions: ServerOptions = {
      label: `ui-${label}`,
      settings: { 'digitaloceanInvoices.apiUrl': url, ...options.settings },
      env: { DO_FAKE_API_URL: url, ...options.env },
    };
    const server = await startVscodeServer(options.sandbox ? sandboxServerOptions(url, serverOptions) : serverOptions);
    stops.push(server.stop);
    const workbench = await openWorkbench({
      serverUrl: server.url,
      folder: server.workspaceDir,
      extensionDevelopmentPath: projectRoot,
      viewport: options.viewport,
    });
    stops.push(workbench.close);
    const consoleLines: string[] = [];
    workbench.page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
    workbench.page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));
    // Ready once the extension's view container is in the activity bar: its contributions
    // (commands in the palette too) are registered by then. The palette does not refresh
    // its list while open, so a command run before that would not be found.
    await workbench.page.locator(activityBarItemSelector).waitFor({ timeout: SETUP_TIMEOUT_MS });
    return { api, fake: fakeApiControl(api, url), server, workbench, consoleLines, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Registers before/after hooks in the calling describe block that start and stop a fresh
 * workbench; the returned fixture is usable inside its tests and hooks.
 */
export function useWorkbench(options: WorkbenchFixtureOptions = {}): UiFixture {
  let session: Session | undefined;
  const current = (): Session => {
    if (!session) {
      throw new Error('The workbench is not running: use the fixture inside tests or hooks of its describe block.');
    }
    return session;
  };
  const page = () => current().workbench.page;
  // The tree's name is the view's, followed by its description (the active account) when it has one.
  const treeList = () => fixture.invoicesPane().getByRole('tree', { name: new RegExp(`^${INVOICES_VIEW_NAME}\\b`) });
  /** Whether the row is rendered and inside the tree's viewport (not cut off). */
  const isFullyShown = async (row: Locator): Promise<boolean> => {
    const [box, list] = await Promise.all([row.count().then((n) => (n > 0 ? row.boundingBox() : null)), treeList().boundingBox()]);
    return !!box && !!list && box.y >= list.y - 0.5 && box.y + box.height <= list.y + list.height + 0.5;
  };
  /**
   * Turns the mouse wheel over the tree's scroll bar (where no row shows its hover) until
   * `done`; each turn waits until the tree has scrolled.
   */
  const wheelTreeUntil = async (deltaY: number, done: () => Promise<boolean>): Promise<void> => {
    const box = await treeList().boundingBox();
    if (!box) {
      throw new Error('The tree is not shown.');
    }
    await page().mouse.move(box.x + box.width - 4, box.y + box.height / 2);
    const rowsContainer = treeList().locator('.monaco-list-rows');
    const position = () => rowsContainer.evaluate((element: HTMLElement) => `${element.style.top} ${element.style.transform}`);
    while (!(await done())) {
      const before = await position();
      await page().mouse.wheel(0, deltaY);
      await waitUntil(`the tree to scroll (${deltaY > 0 ? 'down' : 'up'})`, async () => ((await position()) !== before || (await done()) ? true : undefined), 10_000);
    }
  };

  before(async function () {
    this.timeout(SETUP_TIMEOUT_MS + 30_000);
    const file = this.test?.parent?.file ?? this.test?.parent?.title ?? 'ui';
    session = await startSession(slug(path.basename(file, '.js')), options);
  });

  afterEach(async function () {
    if (session && this.currentTest?.state === 'failed') {
      const name = `${slug(this.currentTest.fullTitle())}-failed`;
      fs.mkdirSync(uiResultsDir, { recursive: true });
      await session.workbench.page.screenshot({ path: path.join(uiResultsDir, `${name}.png`) }).catch(() => undefined);
      fs.writeFileSync(path.join(uiResultsDir, `${name}.log`), session.consoleLines.join('\n') + '\n');
      console.log(`      (screenshot and workbench log: ${path.relative(projectRoot, path.join(uiResultsDir, name))}.{png,log})`);
    }
  });

  after(async function () {
    this.timeout(30_000);
    if (session) {
      await session.close();
      session = undefined;
    }
  });

  const fixture: UiFixture = {
    get page() {
      return page();
    },
    get fakeApi() {
      return current().fake;
    },
    get server() {
      return current().server;
    },
    async runCommand(title) {
      const p = page();
      await p.keyboard.press('F1');
      const input = p.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor();
      await input.fill(`>${title}`);
      // The option's name may go on after the title (", recently used").
      const name = new RegExp(`^${escapeRegExp(title)}(,|$)`);
      await p.locator('.quick-input-widget').getByRole('option', { name }).click();
    },
    async answerInput(text) {
      const input = fixture.inputBox();
      await input.waitFor();
      await input.fill(text);
      await input.press('Enter');
    },
    inputBox() {
      return page().locator('.quick-input-widget .quick-input-box input');
    },
    async setApiToken(token = FAKE_TOKEN) {
      await fixture.runCommand(`${VIEW_CONTAINER_TITLE}: Set API Token`);
      await fixture.answerInput(token);
      await fixture.inputBox().waitFor({ state: 'hidden' });
    },
    activityBarItem() {
      return page().locator(activityBarItemSelector);
    },
    async openView() {
      const view = page().locator(`.part.sidebar [id="workbench.view.extension.${VIEW_CONTAINER_ID}"]`);
      // The activity bar item toggles the side bar: a click while a reloaded window is still
      // restoring it can close what was about to open, so the state is checked after each click.
      for (let click = 1; !(await view.isVisible()); click++) {
        await fixture.activityBarItem().click();
        try {
          await view.waitFor({ timeout: click < 3 ? 5_000 : 30_000 });
        } catch (error) {
          if (click >= 3) {
            throw error;
          }
        }
      }
      return view;
    },
    invoicesPane() {
      // "Invoices Section", or "Invoices - <account> Section" when the view names the active account.
      return page().locator(`.part.sidebar [id="workbench.view.extension.${VIEW_CONTAINER_ID}"] .pane`)
        .filter({ has: page().locator(`.pane-header[aria-label^="${INVOICES_VIEW_NAME}"][aria-label$=" Section"]`) });
    },
    treeItem(label) {
      return treeList().getByRole('treeitem', { name: label });
    },
    alertsRow() {
      return treeList().getByRole('treeitem').filter({ hasText: /\d+ changes? in daily spend/ });
    },
    async waitForTreeItem(label, timeoutMs) {
      await fixture.openView();
      const item = fixture.treeItem(label).first();
      await item.waitFor({ timeout: timeoutMs });
      return item;
    },
    async renderedTreeRows() {
      return treeList().locator('.monaco-list-row[role="treeitem"]').evaluateAll((rows) =>
        rows.map((row) => ({ index: Number(row.getAttribute('data-index')), label: (row.getAttribute('aria-label') ?? '').trim() }))
          .sort((a, b) => a.index - b.index));
    },
    async scrollTreeToEnd() {
      await fixture.openView();
      const last = treeList().locator('.monaco-list-row[data-last-element="true"]');
      await wheelTreeUntil(400, () => isFullyShown(last));
      return last;
    },
    async collectTreeRows() {
      await fixture.openView();
      await wheelTreeUntil(-400, () => isFullyShown(treeList().locator('.monaco-list-row[data-index="0"]')));
      const rows = new Map<number, string>();
      const last = treeList().locator('.monaco-list-row[data-last-element="true"]');
      // Less than a viewport per step, so that no row is skipped.
      await wheelTreeUntil(100, async () => {
        const atEnd = await last.count() > 0;
        (await fixture.renderedTreeRows()).forEach((row) => rows.set(row.index, row.label));
        return atEnd;
      });
      return [...rows].sort(([a], [b]) => a - b).map(([index, label]) => ({ index, label }));
    },
    async resizeSideBar(width) {
      const p = page();
      const sidebar = await p.locator('.part.sidebar').boundingBox();
      if (!sidebar) {
        throw new Error('The side bar is not shown.');
      }
      const edge = sidebar.x + sidebar.width;
      await p.mouse.move(edge - 1, sidebar.y + sidebar.height / 2);
      await p.mouse.down();
      await p.mouse.move(sidebar.x + width, sidebar.y + sidebar.height / 2, { steps: 5 });
      await p.mouse.up();
      // Off the edge again, so that it is not drawn highlighted.
      await p.mouse.move(sidebar.x + width + 200, sidebar.y + sidebar.height / 2);
      await waitUntil(`a side bar ${width} px wide`, async () =>
        Math.abs(((await p.locator('.part.sidebar').boundingBox())?.width ?? 0) - width) <= 2 ? true : undefined);
    },
    statusBarItem(id = STATUS_BAR_ITEM_ID) {
      return page().locator(`.part.statusbar .statusbar-item:is([id="${id}"], [id$=".${id}"])`);
    },
    async waitForStatusBarText(text, timeoutMs) {
      const item = fixture.statusBarItem().filter({ hasText: text });
      await item.waitFor({ timeout: timeoutMs });
      return ((await item.textContent()) ?? '').trim();
    },
    notification(text) {
      return page().locator('.notifications-toasts .notification-toast').filter({ hasText: text });
    },
    async waitForFrameWith(selector, timeoutMs) {
      return waitUntil(`a frame with ${selector}`, async () => {
        for (const frame of page().frames()) {
          if (await frame.locator(selector).count().catch(() => 0) > 0) {
            return frame;
          }
        }
        return undefined;
      }, timeoutMs);
    },
    async screenshot(name, of) {
      fs.mkdirSync(uiResultsDir, { recursive: true });
      const file = path.join(uiResultsDir, `${slug(name)}.png`);
      await (of ?? page()).screenshot({ path: file });
      return file;
    },
    async reloadWindow() {
      const reloaded = page().waitForEvent('load');
      await fixture.runCommand('Developer: Reload Window');
      await reloaded;
      await fixture.activityBarItem().waitFor({ timeout: SETUP_TIMEOUT_MS });
    },
    extensionLog() {
      return newestExtensionLog(current().server.userDataDir);
    },
    async waitForStoredState(what, check) {
      let keys: string[] = [];
      try {
        await waitUntil(`the workbench to store ${what}`, async () => {
          const stored = await page().evaluate(readStoredExtensionState, EXTENSION_ID);
          const state = stored === undefined ? {} : JSON.parse(stored) as Record<string, unknown>;
          keys = Object.keys(state);
          return check(state) ? true : undefined;
        });
      } catch (error) {
        throw new Error(`${error instanceof Error ? error.message : String(error)}; stored keys: ${keys.join(', ') || 'none'}`);
      }
    },
  };
  return fixture;
}
