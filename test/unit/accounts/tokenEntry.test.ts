import * as assert from 'assert';
import { TokenEntry } from '../../../src/accounts/tokenEntry';
import { Accounts } from '../../../src/session/accounts';
import { FAKE_TOKEN } from '../../fake-api/server';
import { makeClient, memoryStore } from '../../support/clientHarness';
import { useFakeApi } from '../../support/fakeApiHooks';

const OTHER_TOKEN = 'dop_v1_' + 'e'.repeat(64);
const WRONG_TOKEN = 'dop_v1_' + '9'.repeat(64);
const INVOICES_PATH = '/v2/customers/my/invoices';

function memoryTokens(values = new Map<string, string>()) {
  return { get: async (id: string) => values.get(id), store: async (id: string, token: string) => void values.set(id, token), delete: async (id: string) => void values.delete(id) };
}

describe('the token box\'s Enter', function () {
  this.timeout(20_000);
  const fake = useFakeApi({ tokens: [FAKE_TOKEN, OTHER_TOKEN] });

  function makeEntry(accounts = new Accounts(memoryStore(), memoryTokens(), {})) {
    const { client, logger } = makeClient(fake.url);
    return { accounts, entry: (account?: Parameters<typeof accounts.setActive>[0]) => new TokenEntry({ client, logger, pageSize: () => 10, accounts }, account ? accounts.list().find((candidate) => candidate.id === account) : undefined) };
  }
  const listRequests = () => fake.api.requests.filter((request) => request.path === INVOICES_PATH);

  it('takes a token DigitalOcean accepts, with the first page its check fetched', async () => {
    const step = await makeEntry().entry().accept(`  ${FAKE_TOKEN}\n`);
    assert.ok('token' in step);
    assert.strictEqual(step.token.token, FAKE_TOKEN, 'trimmed');
    assert.strictEqual(step.token.firstPage?.invoices.length, 10);
    assert.strictEqual(listRequests().length, 1);
  });

  it('keeps the box open with the reason when DigitalOcean refuses the token, then takes the right one', async () => {
    const entry = makeEntry().entry();
    const refused = await entry.accept(WRONG_TOKEN);
    assert.ok('message' in refused);
    assert.strictEqual(refused.severity, 'error');
    assert.match(refused.message, /^DigitalOcean did not accept this token: DigitalOcean rejected the API token \(401 Unauthorized\)/);
    assert.ok(!refused.message.includes(WRONG_TOKEN));
    assert.ok('token' in (await entry.accept(FAKE_TOKEN)));
  });

  it('says what is wrong with malformed input without asking the API', async () => {
    const step = await makeEntry().entry().accept('dop_v1_ abc');
    assert.ok('message' in step && step.severity === 'error');
    assert.strictEqual(listRequests().length, 0);
  });

  it('saves a token that could not be checked only on a second Enter', async () => {
    fake.api.addFault({ kind: 'status', status: 503, path: INVOICES_PATH });
    const entry = makeEntry().entry();
    const first = await entry.accept(FAKE_TOKEN);
    assert.ok('message' in first);
    assert.strictEqual(first.severity, 'warning');
    assert.match(first.message, /Press Enter again to save it anyway/);
    const requests = listRequests().length;
    const second = await entry.accept(FAKE_TOKEN);
    assert.ok('token' in second);
    assert.strictEqual(second.token.firstPage, undefined);
    assert.strictEqual(listRequests().length, requests, 'not asked again');
  });

  it('does not add a token twice: it names the account that has it, without asking the API', async () => {
    const { accounts, entry } = makeEntry();
    const work = await accounts.add('Work', FAKE_TOKEN);
    const step = await entry().accept(FAKE_TOKEN);
    assert.ok('existing' in step);
    assert.strictEqual(step.existing.id, work.id);
    assert.strictEqual(listRequests().length, 0);
    assert.ok('token' in (await entry(work.id).accept(FAKE_TOKEN)), 'setting an account\'s own token again is no duplicate');
  });
});
