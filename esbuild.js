// Bundles the extension into dist/: `--production` minifies and drops source maps; `--watch`
// rebuilds on change; `--metafile` writes dist/meta.json for the benchmark. `buildOptions` is
// exported for test/unit/api/transportBundle.test.ts and test/unit/bundleSplit.test.ts.
//
// Two builds. dist/extension.js, the entry, is all VS Code loads to activate the extension:
// activate() registers the contributed commands and returns, and loads dist/container.js right
// after. That one is built as ESM with code splitting, the only way esbuild splits: every
// `import()` in src/ starts a file of its own in dist/chunks/, loaded when it runs, and code
// that two files share goes to a shared chunk, so each module exists once. VS Code loads
// CommonJS, so each file is then turned into CommonJS (`import()` becoming a `require` when it
// runs). The entry shares no module with the rest but src/constants.ts, which holds no state
// (test/unit/bundleSplit.test.ts checks it).
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

// node-fetch 3 brings polyfills for what Node 20 has built in, and code for what this extension
// never asks of it. Each is replaced in the bundle (13 KB in all, measured with the metafile):
// - fetch-blob and formdata-polyfill (8 KB): Node 20's own Blob, File and FormData instead;
//   with fetch-blob goes its fallback to web-streams-polyfill (60 KB), for a Node without
//   `stream/web`;
// - node-fetch's multipart parser, for `response.formData()`, and data-uri-to-buffer, for
//   `data:` URLs (5 KB): the client reads JSON and bytes over https only.
// What is left out says so when it is called instead of failing obscurely;
// test/unit/api/transportBundle.test.ts runs the bundled node-fetch.
const LEFT_OUT = 'function leftOut(what) { throw new Error(what + " is left out of the bundle: this extension does not use it."); }';
const NODE_BUILT_INS = [
  { filter: /^fetch-blob$/, contents: 'export default globalThis.Blob;' },
  {
    filter: /^fetch-blob\/from\.js$/,
    contents: `${LEFT_OUT}
export const Blob = globalThis.Blob;
export const File = globalThis.File;
export const fileFrom = () => leftOut("fetch-blob's fileFrom");
export const fileFromSync = () => leftOut("fetch-blob's fileFromSync");
export const blobFrom = () => leftOut("fetch-blob's blobFrom");
export const blobFromSync = () => leftOut("fetch-blob's blobFromSync");`,
  },
  {
    filter: /^formdata-polyfill\/esm\.min\.js$/,
    contents: `${LEFT_OUT}
export const FormData = globalThis.FormData;
export const formDataToBlob = () => leftOut("formdata-polyfill's formDataToBlob (a FormData request body)");`,
  },
  {
    filter: /^\.\/utils\/multipart-parser\.js$/,
    importer: /[\\/]node-fetch[\\/]src[\\/]/,
    contents: `${LEFT_OUT}
export const toFormData = () => leftOut("node-fetch's multipart parser (response.formData())");`,
  },
  { filter: /^data-uri-to-buffer$/, contents: `${LEFT_OUT}\nexport default () => leftOut("data-uri-to-buffer (data: URLs)");` },
];
const nodeBuiltInsForNodeFetch = {
  name: 'node-built-ins-for-node-fetch',
  setup(build) {
    for (const { filter, importer } of NODE_BUILT_INS) {
      build.onResolve({ filter }, (args) =>
        importer && !importer.test(args.importer) ? undefined : { path: args.path, namespace: 'node-built-in' },
      );
    }
    build.onLoad({ filter: /.*/, namespace: 'node-built-in' }, (args) => ({
      contents: NODE_BUILT_INS.find(({ filter }) => filter.test(args.path)).contents,
      loader: 'js',
    }));
  },
};

// In watch mode, the lines the `$esbuild-watch` problem matcher (extension
// connor4312.esbuild-problem-matchers) waits for: the F5 pre-launch task ends at "finished".
// One plugin for both builds: "finished" once neither is running. Errors and warnings are
// esbuild's own log lines, in the format its matcher reads.
function watchLines() {
  let running = 0;
  return {
    name: 'watch-lines',
    setup(build) {
      build.onStart(() => {
        if (running++ === 0) {
          console.log('[watch] build started');
        }
      });
      build.onEnd(() => {
        if (--running === 0) {
          console.log('[watch] build finished');
        }
      });
    },
  };
}

// esbuild gives each module that imports `vscode` a copy of its namespace, property by
// property (about 200 of them: 0.2 ms each, 17 in the container). One module re-exports it
// instead, so the container's build copies it once. The entry copies it not at all: its three
// modules take it with `import vscode = require('vscode')`, a plain require, for the copy was
// 1 ms of the activation in the host's CPU profile (test/unit/bundleSplit.test.ts checks it).
const oneVscodeNamespace = {
  name: 'one-vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

const shared = (production) => ({
  absWorkingDir: __dirname,
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  minify: production,
  sourcesContent: false,
  logLevel: 'warning',
});

/** The entry's `import('./container')` loads the other build's file. */
const containerBesideEntry = {
  name: 'container-beside-entry',
  setup(build) {
    build.onResolve({ filter: /^\.\/container$/ }, () => ({ path: './container.js', external: true }));
  },
};

/**
 * The two builds of dist/: `entry` (dist/extension.js, CommonJS) and `rest` (dist/container.js
 * and dist/chunks/, ESM in memory, which `writeCommonJs` writes as CommonJS). `production`
 * minifies and drops source maps.
 */
function buildOptions({ production = false, metafile = false } = {}) {
  return {
    entry: {
      ...shared(production),
      entryPoints: ['src/extension.ts'],
      format: 'cjs',
      outfile: 'dist/extension.js',
      // `import()` as a `require` when it runs.
      supported: { 'dynamic-import': false },
      sourcemap: !production,
      metafile,
      plugins: [containerBesideEntry],
    },
    rest: {
      ...shared(production),
      entryPoints: { container: 'src/container.ts' },
      format: 'esm',
      splitting: true,
      outdir: 'dist',
      chunkNames: 'chunks/[name]-[hash]',
      // Inline, so that the conversion to CommonJS maps back to src/ through them.
      sourcemap: production ? false : 'inline',
      metafile,
      write: false,
      plugins: [nodeBuiltInsForNodeFetch, oneVscodeNamespace],
    },
  };
}

/**
 * Writes the ESM build as CommonJS: static imports become `require` at the top of a file, and
 * `import()` a `require` when it runs, so a chunk is read and evaluated only once it is asked
 * for. The earlier build's files go first (chunk names carry a hash).
 */
function writeCommonJs({ production = false } = {}) {
  return {
    name: 'write-commonjs',
    setup(build) {
      build.onEnd(async (result) => {
        if (result.errors.length > 0 || !result.outputFiles) {
          return;
        }
        const outdir = path.join(__dirname, 'dist');
        fs.rmSync(path.join(outdir, 'chunks'), { recursive: true, force: true });
        for (const name of ['container.js', 'container.js.map']) {
          fs.rmSync(path.join(outdir, name), { force: true });
        }
        for (const file of result.outputFiles) {
          const converted = await esbuild.transform(file.text, {
            format: 'cjs',
            platform: 'node',
            target: 'node20',
            supported: { 'dynamic-import': false },
            minify: production,
            sourcemap: production ? false : 'external',
            sourcefile: path.basename(file.path),
            loader: 'js',
            logLevel: 'warning',
          });
          fs.mkdirSync(path.dirname(file.path), { recursive: true });
          if (production) {
            fs.writeFileSync(file.path, converted.code);
          } else {
            fs.writeFileSync(`${file.path}.map`, converted.map);
            fs.writeFileSync(file.path, `${converted.code}//# sourceMappingURL=${path.basename(file.path)}.map\n`);
          }
        }
      });
    },
  };
}

// The webview pages' scripts (with Chart.js for the spend overview and Daily Spend), for the browser, into
// media/webview/: the panels load them from the extension, nothing from the network.
function webviewOptions({ production = false } = {}) {
  return {
    entryPoints: {
      spendChart: 'src/spendOverview/webview/spendChart.ts',
      dailySpend: 'src/dailySpend/webview/dailySpend.ts',
      invoiceSummary: 'src/invoices/summary/webview/invoiceSummary.ts',
    },
    absWorkingDir: __dirname,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    outdir: 'media/webview',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'warning',
  };
}

// Node reads the package.json nearest to a module it loads, for its "type". Without one in dist/
// that is the extension's manifest, 26 KB read and parsed as the host loads dist/extension.js
// (0.5-0.9 ms of the activation in the host's CPU profile); this one says the same in 20 bytes.
function writePackageScope() {
  fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'dist', 'package.json'), '{ "type": "commonjs" }\n');
}

async function main() {
  const metafile = process.argv.includes('--metafile');
  const production = process.argv.includes('--production');
  const { entry, rest } = buildOptions({ production, metafile });
  rest.plugins = [...rest.plugins, writeCommonJs({ production })];
  const webview = webviewOptions({ production });
  writePackageScope();
  if (process.argv.includes('--watch')) {
    const lines = watchLines();
    const contexts = await Promise.all([entry, rest].map((options) => esbuild.context({ ...options, plugins: [...options.plugins, lines] })));
    await Promise.all([...contexts, await esbuild.context(webview)].map((context) => context.watch()));
    return;
  }
  await esbuild.build(webview);
  const [entryResult, restResult] = await Promise.all([esbuild.build(entry), esbuild.build(rest)]);
  if (metafile) {
    const merged = {
      inputs: { ...restResult.metafile.inputs, ...entryResult.metafile.inputs },
      outputs: { ...entryResult.metafile.outputs, ...restResult.metafile.outputs },
    };
    fs.writeFileSync(path.join(__dirname, 'dist', 'meta.json'), JSON.stringify(merged));
  }
}

module.exports = { buildOptions, nodeBuiltInsForNodeFetch };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
