import * as assert from 'assert';
import { newNonce, panelDocument } from '../../../src/webview/panelDocument';
import { isCommandMessage, isReadyMessage } from '../../../src/webview/protocol';

const PAGE = {
  title: 'A <title>',
  body: '<main><h1>Hello</h1></main>',
  styles: ['https://webview.source/media/a.css'],
  scripts: ['https://webview.source/media/webview/a.js', 'https://webview.source/media/webview/b.js'],
  locale: 'de',
  cspSource: 'https://webview.source',
  nonce: 'NONCE123',
};

describe('webview panel document', () => {
  it('allows nothing but its own style sheets and its nonce’d scripts', () => {
    const html = panelDocument(PAGE);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.strictEqual(csp, "default-src 'none'; style-src https://webview.source; script-src 'nonce-NONCE123';");
    assert.deepStrictEqual(html.match(/<script[^>]*>/g), [
      '<script nonce="NONCE123" src="https://webview.source/media/webview/a.js">',
      '<script nonce="NONCE123" src="https://webview.source/media/webview/b.js">',
    ]);
    assert.match(html, /<link rel="stylesheet" href="https:\/\/webview\.source\/media\/a\.css">/);
    assert.match(html, /<html lang="de">/);
    assert.match(html, /<title>A &#60;title&#62;<\/title>/);
    assert.ok(html.indexOf('<main>') < html.indexOf('<script'), 'scripts run after the body is there');
  });

  it('allows images from the extension only when asked', () => {
    assert.ok(!panelDocument(PAGE).includes('img-src'));
    assert.match(panelDocument({ ...PAGE, images: true }), /script-src 'nonce-NONCE123'; img-src https:\/\/webview\.source;"/);
  });

  it('makes a new unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => newNonce()));
    assert.strictEqual(nonces.size, 50);
    for (const nonce of nonces) {
      assert.match(nonce, /^[A-Za-z0-9+/]{24}$/, 'base64 of 18 random bytes');
    }
  });

  it('tells the page’s messages apart', () => {
    assert.ok(isReadyMessage({ type: 'ready' }));
    assert.ok(!isReadyMessage({ type: 'command', command: 'ready' }));
    assert.ok(isCommandMessage({ type: 'command', command: 'reveal', argument: 'uuid' }));
    assert.ok(isCommandMessage({ type: 'command', command: 'retry' }));
    assert.ok(!isCommandMessage({ type: 'command', command: 3 }));
    assert.ok(!isCommandMessage({ type: 'command', command: 'reveal', argument: {} }));
    assert.ok(!isCommandMessage(undefined));
    assert.ok(!isCommandMessage('command'));
  });
});
