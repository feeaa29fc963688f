// The fake DigitalOcean API the suite's extension talks to by default. The browser host
// (test/host/run-integration.ts) starts one and names it in DO_FAKE_API_URL and the user
// settings; a host that does not — VS Code desktop from the "Extension Tests" launch
// configuration, or @vscode/test-cli, which loads this file as a mocha `require` — gets one
// started here, in the extension host, before the test files load, and stopped after the run.
import { FakeDoApi } from '../fake-api/server';
import { useApiUrl } from './support';

let started: { fake: FakeDoApi; restoreApiUrl: () => Promise<void> } | undefined;

export async function mochaGlobalSetup(): Promise<void> {
  if (process.env.DO_FAKE_API_URL || started) {
    return;
  }
  const fake = new FakeDoApi();
  const url = await fake.start();
  process.env.DO_FAKE_API_URL = url;
  started = { fake, restoreApiUrl: await useApiUrl(url) };
  console.log(`[suite] fake DigitalOcean API on ${url} (the host started none)`);
}

export async function mochaGlobalTeardown(): Promise<void> {
  if (!started) {
    return;
  }
  const { fake, restoreApiUrl } = started;
  started = undefined;
  delete process.env.DO_FAKE_API_URL;
  await restoreApiUrl();
  await fake.close();
}
