import type * as vscode from 'vscode';
import { KeyValueStore } from './accountCache';

/** How often a write is repeated when VS Code lost it (see GlobalState). */
const MAX_WRITES = 3;

/**
 * globalState as this window last wrote it, written one key at a time. VS Code's extension host
 * sends its whole copy of an extension's globalState with every write and replaces that copy
 * with every change event from the main process, its own writes' echoes included. Writes that
 * overlap can therefore send a copy an older echo has just replaced: keys written a moment
 * before are then gone for good (a reload showed the billing history's cache but not the
 * invoices'). Here a write starts only once the one before it has been answered, after its
 * echo, so no echo in flight is older than the copy sent. Reads come from this window's own
 * writes, and a write that another window's echo undid is made again.
 */
export class GlobalState implements KeyValueStore {
  private readonly written = new Map<string, unknown>();
  private lastWrite: Promise<void> = Promise.resolve();

  constructor(private readonly memento: vscode.Memento) {}

  get<T>(key: string): T | undefined {
    return (this.written.has(key) ? this.written.get(key) : this.memento.get<T>(key)) as T | undefined;
  }

  keys(): readonly string[] {
    const keys = new Set(this.memento.keys());
    for (const [key, value] of this.written) {
      if (value === undefined) {
        keys.delete(key);
      } else {
        keys.add(key);
      }
    }
    return [...keys];
  }

  /** Resolves once the value is stored, or a newer value of the key took over. */
  update(key: string, value: unknown): Promise<void> {
    this.written.set(key, value);
    const write = this.lastWrite.then(() => this.write(key, value));
    this.lastWrite = write.catch(() => undefined);
    return write;
  }

  private async write(key: string, value: unknown): Promise<void> {
    const expected = JSON.stringify(value);
    for (let write = 1; write <= MAX_WRITES; write++) {
      if (this.written.get(key) !== value) {
        return; // a newer write of this key follows
      }
      await this.memento.update(key, value);
      if (JSON.stringify(this.memento.get(key)) === expected) {
        return;
      }
    }
  }
}
