// Starts the fake API for manual use:
//   node out/test/fake-api/cli.js [--port N] [--latency MS] [--invoice-months N] [--large-items N]
import { FAKE_TOKEN, FakeApiOptions, FakeDoApi } from './server';

function parseArgs(argv: readonly string[]): FakeApiOptions {
  const flags: Record<string, keyof FakeApiOptions> = {
    '--port': 'port', '--latency': 'latencyMs', '--invoice-months': 'invoiceMonths', '--large-items': 'largeInvoiceItems',
  };
  const options: Record<string, number> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = flags[argv[i]];
    const value = Number(argv[i + 1]);
    if (!name || !Number.isInteger(value) || value < 0) {
      throw new Error(`usage: cli.js ${Object.keys(flags).map((flag) => `[${flag} N]`).join(' ')}`);
    }
    options[name] = value;
  }
  return options;
}

async function main(): Promise<void> {
  const api = new FakeDoApi(parseArgs(process.argv.slice(2)));
  const url = await api.start();
  console.log(url);
  console.log(`token: ${FAKE_TOKEN}`);
  const stop = () => void api.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
