import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import * as zlib from 'zlib';

const ROOT = path.join(__dirname, '..', '..', '..', '..');

// esbuild.js is the project's build script (CommonJS, not compiled by tsc).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildOptions, nodeBuiltInsForNodeFetch } = require(path.join(ROOT, 'esbuild.js')) as {
  buildOptions: (flags: { production?: boolean; metafile?: boolean }) => { entry: esbuild.BuildOptions; rest: esbuild.BuildOptions };
  nodeBuiltInsForNodeFetch: esbuild.Plugin;
};

/** What node-fetch exports, as far as these tests ask. */
interface BundledNodeFetch {
  default: (url: string, init?: { headers?: Record<string, string> }) => Promise<{ arrayBuffer(): Promise<ArrayBuffer>; blob(): Promise<Blob>; formData(): Promise<unknown> }>;
  Blob: unknown;
  File: unknown;
  FormData: unknown;
  fileFrom: (path: string) => Promise<unknown>;
}

const REPLACED_PACKAGES = ['web-streams-polyfill', 'fetch-blob', 'formdata-polyfill', 'data-uri-to-buffer', 'node-domexception'];

describe('HTTP transport in the bundle', function () {
  this.timeout(30_000);

  it('bundles node-fetch without the polyfills it brings for what Node 20 has, nor its unused parts', async () => {
    const result = await esbuild.build({ ...buildOptions({ production: true, metafile: true }).rest, write: false });
    const outputs = Object.entries(result.metafile?.outputs ?? {});
    const inputs = outputs.flatMap(([, output]) => Object.entries(output.inputs))
      .filter(([, input]) => input.bytesInOutput > 0).map(([name]) => name);
    assert.ok(inputs.includes('node_modules/node-fetch/src/index.js'), 'node-fetch is in the bundle');
    for (const name of REPLACED_PACKAGES) {
      assert.deepStrictEqual(inputs.filter((input) => input.includes(`node_modules/${name}/`)), [], `${name}'s files in the bundle`);
    }
    assert.deepStrictEqual(inputs.filter((input) => input.includes('multipart-parser') && !input.startsWith('node-built-in:')), [], 'the multipart parser in the bundle');
    // Loaded with the first request (src/api/transport.ts), not with the container.
    const container = result.metafile?.outputs['dist/container.js'];
    assert.ok(container && !Object.keys(container.inputs).some((name) => name.includes('node_modules/node-fetch/')), 'node-fetch is a file of its own');
  });

  describe('node-fetch bundled with Node 20 built-ins', () => {
    let dir: string;
    let nodeFetch: BundledNodeFetch;
    let server: http.Server;
    let base: string;

    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doinvoices-node-fetch-'));
      const outfile = path.join(dir, 'node-fetch.js');
      await esbuild.build({
        stdin: { contents: "export * from 'node-fetch'; export { default } from 'node-fetch';", resolveDir: ROOT, loader: 'js' },
        absWorkingDir: ROOT,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        outfile,
        logLevel: 'silent',
        plugins: [nodeBuiltInsForNodeFetch],
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      nodeFetch = require(outfile) as BundledNodeFetch;
      const gzipped = await promisify(zlib.gzip)(Buffer.from('{"invoices":[]}'));
      server = http.createServer((request, response) => {
        if (request.url === '/multipart') {
          response.writeHead(200, { 'Content-Type': 'multipart/form-data; boundary=x' });
          response.end('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n');
          return;
        }
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
        response.end(gzipped);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    });

    after(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it("uses Node's own Blob, File and FormData", () => {
      assert.strictEqual(nodeFetch.Blob, globalThis.Blob);
      assert.strictEqual(nodeFetch.File, globalThis.File);
      assert.strictEqual(nodeFetch.FormData, globalThis.FormData);
    });

    it('reads a compressed body as bytes and as a Blob', async () => {
      const bytes = Buffer.from(await (await nodeFetch.default(`${base}/json`)).arrayBuffer());
      assert.strictEqual(bytes.toString(), '{"invoices":[]}');
      const blob = await (await nodeFetch.default(`${base}/json`)).blob();
      assert.ok(blob instanceof globalThis.Blob);
      assert.strictEqual(await blob.text(), '{"invoices":[]}');
    });

    it('says what is left out when it is reached', async () => {
      await assert.rejects((await nodeFetch.default(`${base}/multipart`)).formData(), /multipart parser \(response\.formData\(\)\) is left out of the bundle/);
      await assert.rejects(nodeFetch.default('data:text/plain,hi'), /data-uri-to-buffer \(data: URLs\) is left out of the bundle/);
      assert.throws(() => nodeFetch.fileFrom('/etc/hostname'), /fileFrom is left out of the bundle/);
    });
  });
});
