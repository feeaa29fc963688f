// Bundles the extension into dist/extension.js. `--production` minifies and drops source
// maps; `--watch` rebuilds on change; `--metafile` writes dist/meta.json for the benchmark.
const esbuild = require('esbuild');

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
