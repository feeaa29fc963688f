// Bundles the extension into dist/extension.js. `--production` minifies and drops source
// maps; `--watch` rebuilds on change; `--metafile` writes dist/meta.json for the benchmark.
// `buildOptions` is exported for test/unit/transportBundle.test.ts.
const esbuild = require('esbuild');

// node-fetch's fetch-blob falls back to web-streams-polyfill only where Node has neither a
// global ReadableStream nor `node:stream/web`; Node 20 has both, so the fallback (60 KB) is
// left out of the bundle. Should it ever be reached, it says so instead of failing obscurely.
const leaveOutWebStreamsPolyfill = {
  name: 'leave-out-web-streams-polyfill',
  setup(build) {
    build.onResolve({ filter: /^web-streams-polyfill(\/|$)/ }, (args) => ({ path: args.path, namespace: 'left-out' }));
    build.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is left out of the bundle: Node 20 has stream/web.`)});`,
      loader: 'js',
    }));
  },
};

// In watch mode, the lines the `$esbuild-watch` problem matcher (extension
// connor4312.esbuild-problem-matchers) waits for: the F5 pre-launch task ends at "finished".
// Errors and warnings are esbuild's own log lines, in the format its matcher reads.
const watchLines = {
  name: 'watch-lines',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd(() => console.log('[watch] build finished'));
  },
};

/** The build of dist/extension.js; `production` minifies and drops source maps. */
function buildOptions({ production = false, metafile = false } = {}) {
  return {
    entryPoints: ['src/extension.ts'],
    absWorkingDir: __dirname,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: 'dist/extension.js',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    metafile,
    logLevel: 'warning',
    plugins: [leaveOutWebStreamsPolyfill],
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

async function main() {
  const metafile = process.argv.includes('--metafile');
  const options = buildOptions({ production: process.argv.includes('--production'), metafile });
  const webview = webviewOptions({ production: process.argv.includes('--production') });
  if (process.argv.includes('--watch')) {
    options.plugins = [...options.plugins, watchLines];
    const context = await esbuild.context(options);
    await context.watch();
    await (await esbuild.context(webview)).watch();
    return;
  }
  await esbuild.build(webview);
  const result = await esbuild.build(options);
  if (metafile) {
    require('fs').writeFileSync(require('path').join(__dirname, 'dist', 'meta.json'), JSON.stringify(result.metafile));
  }
}

module.exports = { buildOptions };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
