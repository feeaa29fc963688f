// The split of dist/ (see esbuild.js): a small entry that shares no state with the rest, the
// container, and the features it loads on first use, each module in one file only.
import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..');

// esbuild.js is the project's build script (CommonJS, not compiled by tsc).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildOptions } = require(path.join(ROOT, 'esbuild.js')) as {
  buildOptions: (flags: { production?: boolean; metafile?: boolean }) => { entry: esbuild.BuildOptions; rest: esbuild.BuildOptions };
};

type Outputs = esbuild.Metafile['outputs'];

// Without esbuild.js's re-export of `vscode` (one per build: the API object is the host's).
const modulesOf = (output: Outputs[string]) => Object.entries(output.inputs)
  .filter(([name, input]) => input.bytesInOutput > 0 && !name.startsWith('vscode-once:')).map(([name]) => name);

/** The files loaded with `file`, before any `import()` runs. */
function staticClosure(outputs: Outputs, file: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) {
      return;
    }
    seen.add(name);
    outputs[name].imports.filter((imported) => imported.kind === 'import-statement' && !imported.external).forEach((imported) => visit(imported.path));
  };
  visit(file);
  return [...seen];
}

/** What only a command, a panel, a tool call or a request needs. */
const ON_FIRST_USE = [
  'src/agentTools/toolCalls.ts',
  'src/agentTools/billingReader.ts',
  'src/dailySpend/dailySpendPanel.ts',
  'src/spendOverview/spendChartPanel.ts',
  'src/invoices/summary/summaryPanel.ts',
  'src/invoices/invoiceCommands.ts',
  'src/accounts/accountCommands.ts',
  'src/accounts/tokenCommands.ts',
  'src/lineItems/lineItemCommands.ts',
  'node_modules/node-fetch/src/index.js',
];

describe('the split bundle', function () {
  this.timeout(30_000);
  let entry: esbuild.Metafile;
  let rest: esbuild.Metafile;
  /** dist/extension.js as the production build writes it. */
  let entryCode: string;

  before(async () => {
    const options = buildOptions({ production: true, metafile: true });
    const [entryBuild, restBuild] = await Promise.all([options.entry, options.rest].map((build) => esbuild.build({ ...build, write: false })));
    [entry, rest, entryCode] = [entryBuild.metafile!, restBuild.metafile!, entryBuild.outputFiles![0].text];
  });

  it('has an entry of the activation\'s own modules, sharing with the rest only names, which hold no state', () => {
    const entryModules = modulesOf(entry.outputs['dist/extension.js']);
    assert.deepStrictEqual(entryModules.sort(), [
      'src/agentTools/registerTools.ts', 'src/agentTools/toolNames.ts', 'src/commands/registerCommands.ts', 'src/constants.ts', 'src/extension.ts',
    ]);
    const restModules = new Set(Object.values(rest.outputs).flatMap(modulesOf));
    assert.deepStrictEqual(entryModules.filter((name) => restModules.has(name)).sort(), ['src/agentTools/toolNames.ts', 'src/constants.ts']);
    const external = entry.outputs['dist/extension.js'].imports.filter((imported) => imported.external).map((imported) => imported.path);
    assert.deepStrictEqual([...new Set(external)].sort(), ['./container.js', 'vscode']);
  });

  it('activates without copying the vscode API: the entry takes it with a plain require', () => {
    const enumerated: string[] = [];
    const registered: string[] = [];
    const api = {
      commands: { registerCommand: (id: string) => (registered.push(id), { dispose() {} }) },
      lm: { registerTool: (name: string) => (registered.push(name), { dispose() {} }) },
      ExtensionMode: { Production: 1, Development: 2, Test: 3 },
    };
    const vscode = new Proxy(api, {
      ownKeys: (target) => (enumerated.push('ownKeys'), Reflect.ownKeys(target)),
      getOwnPropertyDescriptor: (target, key) => (enumerated.push(String(key)), Reflect.getOwnPropertyDescriptor(target, key)),
    });
    const module = { exports: {} as { activate(context: unknown): unknown } };
    const requireInEntry = (request: string) => {
      assert.strictEqual(request, 'vscode', 'the entry requires only vscode as it loads and activates');
      return vscode;
    };
    // activate() leaves the container for a timer; it is not this test's business.
    const deferred: unknown[] = [];
    new Function('require', 'module', 'exports', 'setTimeout', entryCode)(requireInEntry, module, module.exports, (run: unknown) => deferred.push(run));
    module.exports.activate({ subscriptions: [], extensionMode: api.ExtensionMode.Production });
    assert.strictEqual(deferred.length, 1, 'the container is started right after activation');
    assert.ok(registered.includes('digitaloceanInvoices.refresh') && registered.includes('digitaloceanInvoices_listInvoices'), registered.join(', '));
    assert.deepStrictEqual(enumerated, []);
  });

  it('puts each module of the rest in one file only, so a module with state exists once', () => {
    const files = new Map<string, string[]>();
    for (const [file, output] of Object.entries(rest.outputs)) {
      modulesOf(output).forEach((name) => files.set(name, [...(files.get(name) ?? []), file]));
    }
    assert.deepStrictEqual([...files].filter(([, where]) => where.length > 1), []);
    assert.ok(files.has('src/util/l10n.ts') && files.has('src/session/session.ts'));
  });

  it('loads the features with their first use, not with the container', () => {
    const loadedWithContainer = new Set(staticClosure(rest.outputs, 'dist/container.js').flatMap((file) => modulesOf(rest.outputs[file])));
    assert.ok(loadedWithContainer.has('src/container.ts') && loadedWithContainer.has('src/invoices/invoicesView.ts'));
    assert.deepStrictEqual(ON_FIRST_USE.filter((name) => loadedWithContainer.has(name)), []);
    const allModules = new Set(Object.values(rest.outputs).flatMap(modulesOf));
    assert.deepStrictEqual(ON_FIRST_USE.filter((name) => !allModules.has(name)), [], 'each is in the build');
  });
});
