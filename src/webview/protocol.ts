// The messages between a panel and its page, shared by the extension and the webview scripts.

/** Page → extension, once its script has run (again after every reload of the page). */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** Page → extension: a button or control with `data-command` was used. */
export interface CommandMessage {
  readonly type: 'command';
  readonly command: string;
  /** The control's `data-argument`, if it has one. */
  readonly argument?: string;
}

/**
 * Extension → page: the panel's state, which the page keeps with `setState` so that the panel's
 * serializer gets it back after a window reload, and what to show, if the page draws it itself.
 */
export interface UpdateMessage<S, V> {
  readonly type: 'update';
  readonly state: S;
  readonly view?: V;
}

export function isReadyMessage(message: unknown): message is ReadyMessage {
  return (message as Partial<ReadyMessage> | undefined)?.type === 'ready';
}

export function isCommandMessage(message: unknown): message is CommandMessage {
  const candidate = message as Partial<CommandMessage> | undefined;
  return candidate?.type === 'command' && typeof candidate.command === 'string'
    && (candidate.argument === undefined || typeof candidate.argument === 'string');
}
