// A plain require, not `import * as`: esbuild.js says why.
import vscode = require('vscode');
import { registerAgentTools } from './agentTools/registerTools';
import { registerCommands } from './commands/registerCommands';
import type { Container } from './container';

/** What the integration tests reach through `extension.exports` (test mode only). */
export interface TestApi {
  readonly container: Container;
  readonly state: Container['invoices'];
  readonly balance: Container['balance'];
  readonly view: Container['invoicesView'];
  readonly history: Container['history'];
  readonly historyView: Container['historyView'];
  readonly statusBar: Container['statusBar'];
  readonly logger: Container['logger'];
  readonly accounts: Container['accounts'];
  readonly session: Container['session'];
  /** The extension's own storage, to act as another window would and to check for leaks. */
  readonly secrets: vscode.SecretStorage;
  readonly globalState: Container['store'];
  setToken(token: string): ReturnType<Container['setToken']>;
  clearToken(): Promise<void>;
}

/** `extension.exports` in test mode: the time activate() took, and the container once it is built. */
export interface TestExports {
  /** The time activate() took, in milliseconds. */
  readonly activationMs: number;
  /** Resolves once the container is built (right after activation, or by this call). */
  api(): Promise<TestApi>;
}

/**
 * Registers every contributed command and returns: the container (views, status bar, stores,
 * session) is loaded and built right after, or by the first command that runs before that.
 */
export function activate(context: vscode.ExtensionContext): TestExports | undefined {
  const started = performance.now();
  let activationMs = 0;
  let building: Promise<Container> | undefined;
  let built: Container | undefined;
  let deactivated = false;
  const container = () => (building ??= import('./container').then(({ Container }) => {
    if (deactivated) {
      throw new Error('The extension was deactivated before it had started.');
    }
    built = new Container(context);
    built.logger.debug(`Activated in ${activationMs.toFixed(1)} ms; started ${(performance.now() - started).toFixed(1)} ms after activation began.`);
    return built;
  }));
  context.subscriptions.push(...registerCommands(async (id, args) => (await container()).runCommand(id, args)));
  context.subscriptions.push(...registerAgentTools(async () => (await container()).agentTools()), {
    dispose: () => {
      deactivated = true;
      built?.dispose();
    },
  });
  setTimeout(() => container().catch((error: unknown) => console.error('DigitalOcean Invoices could not start:', error)), 0);
  activationMs = performance.now() - started;
  if (context.extensionMode !== vscode.ExtensionMode.Test) {
    return undefined;
  }
  return { activationMs, api: async () => testApi(await container(), context) };
}

function testApi(container: Container, context: vscode.ExtensionContext): TestApi {
  return {
    container,
    state: container.invoices,
    balance: container.balance,
    view: container.invoicesView,
    history: container.history,
    historyView: container.historyView,
    statusBar: container.statusBar,
    logger: container.logger,
    accounts: container.accounts,
    session: container.session,
    secrets: context.secrets,
    globalState: container.store,
    setToken: (token) => container.setToken(token),
    clearToken: () => container.clearToken(),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
