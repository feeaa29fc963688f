// Bundles the extension into dist/extension.js. `--production` minifies and drops source
// maps; `--watch` rebuilds on change; `--metafile` writes dist/meta.json for the benchmark.
const esbuild = require('esbuild');

// node-fetch 2 falls back to the whatwg-url package only where Node has no URL class; every
// VS Code has one, so the fallback (and its 260 KB Unicode table) is left out of the bundle.
const nodeUrlInsteadOfWhatwgUrl = {
  name: 'node-url-instead-of-whatwg-url',
  setup(build) {
    build.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: 'whatwg-url', namespace: 'node-url-shim' }));
    build.onLoad({ filter: /.*/, namespace: 'node-url-shim' }, () => ({ contents: 'module.exports = { URL: require("url").URL };', loader: 'js' }));
  },
};

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const metafile = process.argv.includes('--metafile');

async function main() {
  const options = {
    entryPoints: ['src/extension.ts'],
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
    plugins: [nodeUrlInsteadOfWhatwgUrl],
  };
  if (watch) {
    const context = await esbuild.context(options);
    await context.watch();
    return;
  }
  const result = await esbuild.build(options);
  if (metafile) {
    require('fs').writeFileSync('dist/meta.json', JSON.stringify(result.metafile));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
