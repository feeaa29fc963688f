// Runs inside a webview page (bundled into each page's script by esbuild.js): the page's half
// of the panel pattern in src/webview/panelHost.ts.
import { CommandMessage, ReadyMessage, UpdateMessage } from '../protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface PanelClient {
  post(message: CommandMessage | object): void;
}

/**
 * Connects the page to its panel: keeps the state the extension sends (VS Code hands it to the
 * panel's serializer after a window reload), draws every view it sends, and says "ready".
 */
export function connectPanel<V>(draw?: (view: V) => void): PanelClient {
  const api = acquireVsCodeApi();
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = event.data as Partial<UpdateMessage<unknown, V>> | undefined;
    if (message?.type !== 'update') {
      return;
    }
    api.setState(message.state);
    if (message.view !== undefined && draw) {
      draw(message.view);
    }
  });
  const client: PanelClient = { post: (message) => api.postMessage(message) };
  bindCommands(client);
  const ready: ReadyMessage = { type: 'ready' };
  api.postMessage(ready);
  return client;
}

/** Every control with `data-command` (now or later) sends its command when used. */
function bindCommands(client: PanelClient): void {
  document.addEventListener('click', (event) => {
    const control = (event.target as Element | null)?.closest<HTMLElement>('[data-command]');
    const command = control?.dataset.command;
    if (!control || !command || control.matches(':disabled')) {
      return;
    }
    const message: CommandMessage = control.dataset.argument === undefined
      ? { type: 'command', command }
      : { type: 'command', command, argument: control.dataset.argument };
    client.post(message);
  });
}
