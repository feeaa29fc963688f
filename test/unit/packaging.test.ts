import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..');

/** The files `vsce package` would put into the .vsix. */
function packagedFiles(): string[] {
  const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
  return execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    .split('\n').map((line) => line.trim()).filter(Boolean).sort();
}

describe('packaging', function () {
  this.timeout(60_000);
  let files: string[];

  before(() => {
    files = packagedFiles();
  });

  it('puts only what runs into the .vsix: the bundle, media, manifest, translations and docs', () => {
    const allowed = /^(dist\/(extension|container)\.js|dist\/package\.json|dist\/chunks\/[\w-]+\.js|media\/[^/]+\.(js|css|svg)|media\/webview\/[^/]+\.js|media\/icon\.png|media\/walkthrough\/[^/]+\.(svg|md|png)|package(\.nls(\.[a-z-]+)?)?\.json|l10n\/bundle\.l10n\.[a-z-]+\.json|README\.md|CHANGELOG\.md|LICENSE)$/;
    assert.deepStrictEqual(files.filter((file) => !allowed.test(file)), []);
    const webviewFiles = ['media/webview/spendChart.js', 'media/webview/dailySpend.js', 'media/webview/invoiceSummary.js', 'media/chartPanel.css', 'media/spendChart.css', 'media/dailySpend.css', 'media/invoiceSummary.css', 'media/panel-light.svg', 'media/panel-dark.svg'];
    for (const needed of ['dist/extension.js', 'package.json', 'package.nls.json', 'media/icon.png', 'media/digitalocean.svg', 'LICENSE', ...webviewFiles]) {
      assert.ok(files.includes(needed), needed);
    }
    // The F5 loop and the test tooling are in the repository, not in the package.
    for (const devOnly of ['.vscode/launch.json', '.vscode/tasks.json', '.vscode/extensions.json', '.vscode-test.mjs']) {
      assert.ok(fs.existsSync(path.join(ROOT, devOnly)), devOnly);
    }
    assert.deepStrictEqual(files.filter((file) => file.startsWith('.vscode')), []);
    // The walkthrough's media and every other file the manifest names.
    const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const named = [...manifest.matchAll(/"(media\/[^"]+)"/g)].map(([, file]) => file);
    assert.ok(named.filter((file) => file.startsWith('media/walkthrough/')).length >= 5, 'the walkthrough has its media');
    assert.deepStrictEqual(named.filter((file) => !files.includes(file)), [], 'named in package.json but not packaged');
  });

  it('ships every file of the build (the entry, the container and its chunks) and every file they require', () => {
    // As `npm run build` (run before the unit tests) wrote them.
    const built = fs.readdirSync(path.join(ROOT, 'dist'), { recursive: true }).map((file) => `dist/${String(file).split(path.sep).join('/')}`)
      .filter((file) => file.endsWith('.js')).sort();
    assert.ok(built.includes('dist/extension.js') && built.includes('dist/container.js'), built.join(', '));
    assert.ok(built.some((file) => file.startsWith('dist/chunks/')), 'the features are files of their own');
    assert.deepStrictEqual(built.filter((file) => !files.includes(file)), [], 'built but not packaged');
    // Node reads the nearest package.json for a module's type: this one, not the 26 KB manifest.
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'package.json'), 'utf8')), { type: 'commonjs' });
    assert.ok(files.includes('dist/package.json'), 'dist/package.json is packaged');
    for (const file of built) {
      for (const [, request] of fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) {
        const target = path.posix.join(path.posix.dirname(file), request);
        assert.ok(files.includes(target), `${file} requires ${target}, which is not packaged`);
      }
    }
  });

  it('ships every file that the manifest and the webviews refer to', () => {
    const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    for (const [, file] of manifest.matchAll(/"(media\/[^"]+)"/g)) {
      assert.ok(fs.existsSync(path.join(ROOT, file)), file);
    }
    let referenced = 0;
    for (const script of fs.readdirSync(path.join(ROOT, 'src'), { recursive: true }).map(String).filter((file) => file.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(ROOT, 'src', script), 'utf8');
      // vscode.Uri.joinPath(media, 'x.svg') and a panel's host.asset('webview/x.js').
      for (const [, asset] of source.matchAll(/(?:joinPath\(this\.media,\s*|joinPath\(media,\s*|\.asset\()'([^']+)'\)/g)) {
        assert.ok(fs.existsSync(path.join(ROOT, 'media', asset)), `${script} → media/${asset}`);
        referenced++;
      }
    }
    assert.ok(referenced >= 6, `${referenced} webview assets found`);
  });

  it('ships the webview scripts bundled, with Chart.js inside and its licence, and nothing that loads from the network', () => {
    for (const file of ['spendChart.js', 'dailySpend.js']) {
      const chart = fs.readFileSync(path.join(ROOT, 'media', 'webview', file), 'utf8');
      assert.match(chart, /Chart\.js v4\.\d+\.\d+/, `${file}: Chart.js is bundled with its licence comment`);
      assert.match(chart, /Released under the MIT License/);
    }
    for (const file of ['spendChart.js', 'dailySpend.js', 'invoiceSummary.js']) {
      const script = fs.readFileSync(path.join(ROOT, 'media', 'webview', file), 'utf8');
      assert.ok(!/\brequire\(|\bimport\(|\bfetch\(|XMLHttpRequest|new Function\(|\beval\(/.test(script), `${file} loads or evaluates nothing at run time`);
      assert.ok(!/createElement\(["']style["']\)/.test(script), `${file} adds no style element (the CSP allows none)`);
    }
  });
});
