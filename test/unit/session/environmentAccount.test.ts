import * as assert from 'assert';
import { DEFAULT_ACCOUNT_ID, ENVIRONMENT_ACCOUNT_ID } from '../../../src/session/accounts';
import { FAKE_TOKEN } from '../../fake-api/server';
import { makeClient, memoryStore } from '../../support/clientHarness';
import { useFakeApi } from '../../support/fakeApiHooks';
import { makeStores } from '../../support/sessionHarness';

const OTHER_TOKEN = 'dop_v1_' + 'e'.repeat(64);
const INVOICES_PATH = '/v2/customers/my/invoices';

describe('the Environment account standing in for an account without a token', function () {
  this.timeout(20_000);
  const fake = useFakeApi({ tokens: [FAKE_TOKEN, OTHER_TOKEN] });

  function makeState(environment: NodeJS.ProcessEnv = { DIGITALOCEAN_ACCESS_TOKEN: FAKE_TOKEN }) {
    const harness = makeClient(fake.url);
    return makeStores({ client: harness.client, logger: harness.logger, store: memoryStore(), environment });
  }

  it('shows the data of DIGITALOCEAN_ACCESS_TOKEN when no token is stored, as doctl uses it', async () => {
    const { accounts, session, invoices } = makeState();
    await session.sync();
    assert.strictEqual(accounts.active.id, ENVIRONMENT_ACCOUNT_ID);
    assert.strictEqual(accounts.chosen.id, DEFAULT_ACCOUNT_ID, 'Set API Token still sets the Default account\'s token');
    assert.strictEqual(session.state.account.id, ENVIRONMENT_ACCOUNT_ID);
    assert.strictEqual(invoices.snapshot.hasToken, true, 'no welcome text');
    await invoices.refresh();
    assert.ok(invoices.snapshot.items.length > 0);
    assert.ok(fake.api.requests.filter((request) => request.path === INVOICES_PATH).every((request) => request.authorization === `Bearer ${FAKE_TOKEN}`));
  });

  it('gives way to a token stored for the chosen account, and stands in again when it is cleared', async () => {
    const { accounts, session, tokens, invoices } = makeState();
    await session.sync();
    await accounts.setToken(accounts.chosen, OTHER_TOKEN);
    assert.strictEqual(accounts.active.id, DEFAULT_ACCOUNT_ID, 'at once, before the session reads the token back');
    await session.sync();
    assert.strictEqual(session.state.account.id, DEFAULT_ACCOUNT_ID);
    await invoices.refresh();
    assert.strictEqual(fake.api.requests[fake.api.requests.length - 1].authorization, `Bearer ${OTHER_TOKEN}`);
    tokens.delete(DEFAULT_ACCOUNT_ID);
    await accounts.clearToken(accounts.chosen);
    await session.sync();
    assert.strictEqual(session.state.account.id, ENVIRONMENT_ACCOUNT_ID);
  });

  it('does not stand in while another stored account has a token', async () => {
    const { accounts, session } = makeState();
    const work = await accounts.add('Work', OTHER_TOKEN);
    await accounts.add('Home', FAKE_TOKEN);
    await accounts.clearToken(accounts.active);
    await session.sync();
    assert.notStrictEqual(accounts.active.id, ENVIRONMENT_ACCOUNT_ID, 'Work still has its token');
    assert.strictEqual(session.state.key, undefined, 'the chosen account shows its welcome text');
    await accounts.setActive(work.id);
    await session.sync();
    assert.strictEqual(session.state.account.id, work.id);
  });

  it('never stands in without a token in the environment', async () => {
    const { accounts, session } = makeState({});
    await session.sync();
    assert.strictEqual(accounts.active.id, DEFAULT_ACCOUNT_ID);
    assert.strictEqual(session.state.key, undefined);
  });

  it('finds the account that has a token already, the Environment account too', async () => {
    const { accounts } = makeState();
    const work = await accounts.add('Work', OTHER_TOKEN);
    assert.strictEqual((await accounts.withToken(OTHER_TOKEN))?.id, work.id);
    assert.strictEqual((await accounts.withToken(FAKE_TOKEN))?.id, ENVIRONMENT_ACCOUNT_ID);
    assert.strictEqual(await accounts.withToken('dop_v1_' + '0'.repeat(64)), undefined);
  });
});
