import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Accounts, AccountTokens, DEFAULT_ACCOUNT_ID, ENVIRONMENT_ACCOUNT_ID } from '../../../src/session/accounts';
import { doctlConfigPath, parseDoctlConfig } from '../../../src/accounts/doctlConfig';
import { memoryStore } from '../../support/clientHarness';

function memoryTokens(): AccountTokens & { readonly values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: async (id) => values.get(id),
    store: async (id, token) => {
      values.set(id, token);
    },
    delete: async (id) => {
      values.delete(id);
    },
  };
}

const WORK = 'dop_v1_' + '1'.repeat(64);
const HOME = 'dop_v1_' + '2'.repeat(64);

describe('accounts', () => {
  it('starts with one implicit Default account', () => {
    const accounts = new Accounts(memoryStore(), memoryTokens(), {});
    assert.deepStrictEqual(accounts.list(), [{ id: DEFAULT_ACCOUNT_ID, name: 'Default' }]);
    assert.strictEqual(accounts.active.id, DEFAULT_ACCOUNT_ID);
  });

  it('adds named accounts with their own secret, switches, renames and removes', async () => {
    const store = memoryStore();
    const tokens = memoryTokens();
    const accounts = new Accounts(store, tokens, {});
    let changes = 0;
    accounts.onDidChange(() => changes++);
    const work = await accounts.add('Work', WORK);
    assert.deepStrictEqual(accounts.list().map((account) => account.name), ['Work'], 'the empty Default gives way');
    assert.strictEqual(accounts.active.id, work.id);
    const home = await accounts.add('Work', HOME);
    assert.strictEqual(home.name, 'Work (2)');
    assert.strictEqual(await accounts.token(accounts.active), HOME);
    await accounts.setActive(work.id);
    assert.strictEqual(await accounts.token(accounts.active), WORK);
    await accounts.rename(home.id, 'Home');
    assert.deepStrictEqual(accounts.list().map((account) => account.name), ['Work', 'Home']);
    await accounts.remove(work.id);
    assert.strictEqual(accounts.active.id, home.id);
    assert.strictEqual(tokens.values.has(work.id), false);
    assert.ok(changes >= 5);
    assert.ok(!JSON.stringify([...store.values]).includes(WORK), 'tokens never in globalState');
  });

  it('keeps a Default account that has a token when another is added', async () => {
    const tokens = memoryTokens();
    await tokens.store(DEFAULT_ACCOUNT_ID, WORK);
    const accounts = new Accounts(memoryStore(), tokens, {});
    await accounts.add('Home', HOME);
    assert.deepStrictEqual(accounts.list().map((account) => account.id)[0], DEFAULT_ACCOUNT_ID);
    assert.strictEqual(accounts.list().length, 2);
  });

  it('shows a read-only Environment account for doctl\'s variable', async () => {
    const accounts = new Accounts(memoryStore(), memoryTokens(), { DIGITALOCEAN_ACCESS_TOKEN: ` ${WORK}\n` });
    const environment = accounts.list().find((account) => account.id === ENVIRONMENT_ACCOUNT_ID)!;
    assert.strictEqual(environment.name, 'Environment');
    assert.strictEqual(environment.fromEnvironment, true);
    assert.strictEqual(await accounts.token(environment), WORK);
    const terraform = new Accounts(memoryStore(), memoryTokens(), { DIGITALOCEAN_TOKEN: HOME });
    assert.strictEqual(await terraform.token(terraform.list()[1]), HOME);
  });

  it('refuses to switch to an unknown account', async () => {
    const accounts = new Accounts(memoryStore(), memoryTokens(), {});
    await assert.rejects(accounts.setActive('nope'));
  });
});

describe('doctl configuration', () => {
  const SAMPLE = [
    '# written by doctl auth init',
    'access-token: ' + WORK,
    'auth-contexts:',
    '  personal: "' + HOME + '"',
    "  team-b: 'dop_v1_" + '3'.repeat(64) + "'   # comment",
    '  empty: ""',
    'context: personal',
    'output: text',
    'apps:',
    '  dev:',
    '    config: x',
    '',
  ].join('\n');

  it('reads access-token as "default" and every auth context, never other keys', () => {
    assert.deepStrictEqual(parseDoctlConfig(SAMPLE), [
      { name: 'default', token: WORK },
      { name: 'personal', token: HOME },
      { name: 'team-b', token: 'dop_v1_' + '3'.repeat(64) },
    ]);
  });

  it('reads a config file written by the test on disk, with CRLF line ends', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'doctl-'));
    try {
      const file = path.join(dir, 'config.yaml');
      await fs.writeFile(file, SAMPLE.replace(/\n/g, '\r\n'));
      assert.strictEqual(parseDoctlConfig(await fs.readFile(file, 'utf8')).length, 3);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('handles a file without tokens', () => {
    assert.deepStrictEqual(parseDoctlConfig('auth-contexts: {}\ncontext: default\n'), []);
    assert.deepStrictEqual(parseDoctlConfig(''), []);
  });

  it('knows where doctl keeps its configuration on each platform', () => {
    assert.strictEqual(doctlConfigPath({}, 'linux', '/home/sammy'), '/home/sammy/.config/doctl/config.yaml');
    assert.strictEqual(doctlConfigPath({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/sammy'), '/cfg/doctl/config.yaml');
    assert.strictEqual(doctlConfigPath({}, 'darwin', '/Users/sammy'), '/Users/sammy/Library/Application Support/doctl/config.yaml');
    assert.ok(doctlConfigPath({ APPDATA: 'C:\\Users\\sammy\\AppData\\Roaming' }, 'win32', 'C:\\Users\\sammy').includes('doctl'));
  });
});
