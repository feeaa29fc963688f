// Bundles the extension into dist/extension.js. `--production` minifies and drops source
// maps; `--watch` rebuilds on change; `--metafile` writes dist/meta.json for the benchmark.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const metafile = process.argv.includes('--metafile');

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
    plugins: watch ? [watchLines] : [],
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
