import type * as vscode from 'vscode';
import { KeyValueStore } from './accountCache';

/** How often a write is repeated when VS Code lost it (see GlobalState). */
const MAX_WRITES = 3;

/**
 * globalState as this window last wrote it. VS Code's extension host replaces its whole copy of
 * an extension's globalState with every change event from the main process, and that can be an
 * echo of an earlier write, arriving after a newer one was made here: the newer value is then
 * gone from later reads and can be lost for good when the next write sends the whole copy back.
 * Reads here come from this window's own writes; a write that did not stick is made again.
 */
export class GlobalState implements KeyValueStore {
  private readonly written = new Map<string, unknown>();

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

  async update(key: string, value: unknown): Promise<void> {
    this.written.set(key, value);
    const expected = JSON.stringify(value);
    for (let write = 1; write <= MAX_WRITES; write++) {
      await this.memento.update(key, value);
      if (this.written.get(key) !== value || JSON.stringify(this.memento.get(key)) === expected) {
        return; // a newer write took over, or this one stuck
      }
    }
  }
}
