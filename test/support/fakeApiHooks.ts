import * as assert from 'assert';
import { ApiError, ApiErrorKind } from '../../src/api/errors';
import { FakeApiOptions, FakeDoApi } from '../fake-api/server';

export interface FakeApiFixture {
  readonly api: FakeDoApi;
  readonly url: string;
}

/**
 * Starts one fake API for the enclosing `describe` and stops it after; resets its faults,
 * requests and latency before each test. Read `api` and `url` inside tests or hooks.
 */
export function useFakeApi(options: FakeApiOptions = {}): FakeApiFixture {
  let api: FakeDoApi | undefined;
  let url = '';
  before(async () => {
    api = new FakeDoApi(options);
    url = await api.start();
  });
  after(() => api?.close());
  beforeEach(() => api?.reset());
  return {
    get api() {
      assert.ok(api, 'the fake API is started in before()');
      return api;
    },
    get url() {
      return url;
    },
  };
}

/** Awaits `promise` and checks it failed with an ApiError of `kind`. */
export async function expectApiError(promise: Promise<unknown>, kind: ApiErrorKind): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ApiError, `expected ApiError, got ${String(error)}`);
    assert.strictEqual(error.kind, kind, error.message);
    return error;
  }
  throw new assert.AssertionError({ message: `expected a ${kind} error` });
}
