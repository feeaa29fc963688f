import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..', '..');

// esbuild.js is the project's build script (CommonJS, not compiled by tsc).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildOptions } = require(path.join(ROOT, 'esbuild.js')) as { buildOptions: (flags: { production?: boolean; metafile?: boolean }) => { entry: esbuild.BuildOptions; rest: esbuild.BuildOptions } };

describe('HTTP transport in the bundle', function () {
  this.timeout(30_000);

  it('bundles node-fetch and leaves web-streams-polyfill out (Node 20 has stream/web)', async () => {
    const result = await esbuild.build({ ...buildOptions({ production: true, metafile: true }).rest, write: false });
    const outputs = Object.entries(result.metafile?.outputs ?? {});
    const inputs = outputs.flatMap(([, output]) => Object.entries(output.inputs))
      .filter(([, input]) => input.bytesInOutput > 0).map(([name]) => name);
    assert.ok(inputs.includes('node_modules/node-fetch/src/index.js'), 'node-fetch is in the bundle');
    assert.deepStrictEqual(inputs.filter((name) => name.includes('node_modules/web-streams-polyfill/')), [], 'polyfill files in the bundle');
    assert.ok(inputs.includes('left-out:web-streams-polyfill/dist/ponyfill.es2018.js'), 'fetch-blob\'s fallback resolves to the stub');
    const bundle = result.outputFiles?.map((file) => file.text).join('\n') ?? '';
    assert.match(bundle, /web-streams-polyfill\/dist\/ponyfill\.es2018\.js is left out of the bundle/);
    // Loaded with the first request (src/api/transport.ts), not with the container.
    const container = result.metafile?.outputs['dist/container.js'];
    assert.ok(container && !Object.keys(container.inputs).some((name) => name.includes('node_modules/node-fetch/')), 'node-fetch is a file of its own');
  });
});
