// How `npm start` runs the VS Code server, shared with the UI test that checks it: for a
// person, not a test. No smoke-test driver (modal dialogs show), the key service (a token set
// in the workbench survives a reload), and a sandbox token in DIGITALOCEAN_ACCESS_TOKEN, so the
// read-only Environment account shows the fake API's data at once and after every reload.
import { createHash } from 'crypto';
import { FAKE_TOKEN, type FakeApiOptions } from '../fake-api/server';
import { ServerOptions } from './vscode-server';

/** The token of the Environment account (from the server's environment). */
export const SANDBOX_ENVIRONMENT_TOKEN = FAKE_TOKEN;
/**
 * The token printed for "Set API Token" and "Add Account": a second one the fake API accepts,
 * so that it is a different account from the Environment's.
 */
export const SANDBOX_PASTE_TOKEN = `dop_v1_${createHash('sha256').update('doinvoices-sandbox-paste').digest('hex')}`;

/** The fake API's options: both tokens accepted (the same data behind each). */
export function sandboxFakeApiOptions(options: FakeApiOptions = {}): FakeApiOptions {
  return { ...options, tokens: [...(options.tokens ?? []), SANDBOX_ENVIRONMENT_TOKEN, SANDBOX_PASTE_TOKEN] };
}

export function sandboxServerOptions(apiUrl: string, options: ServerOptions = {}): ServerOptions {
  return {
    ...options,
    settings: { 'digitaloceanInvoices.apiUrl': apiUrl, ...options.settings },
    // A new user's first start: the extension's walkthrough opens (tests turn that off).
    machineSettings: { 'workbench.welcomePage.walkthroughs.openOnInstall': true, ...options.machineSettings },
    env: { ...options.env, DO_FAKE_API_URL: apiUrl, DIGITALOCEAN_ACCESS_TOKEN: SANDBOX_ENVIRONMENT_TOKEN },
    smokeTestDriver: false,
    persistSecrets: true,
  };
}
