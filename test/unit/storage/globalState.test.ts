import * as assert from 'assert';
import type * as vscode from 'vscode';
import { GlobalState } from '../../../src/storage/globalState';

/**
 * globalState as VS Code's extension host keeps it: writes are batched to the main process, and
 * every change event from there replaces the whole copy, also with an echo of an older write.
 */
function echoingMemento() {
  let copy: Record<string, unknown> = {};
  const sent: Record<string, unknown>[] = [];
  const memento = {
    keys: () => Object.keys(copy).filter((key) => copy[key] !== undefined),
    get: <T>(key: string) => copy[key] as T | undefined,
    update: async (key: string, value: unknown) => {
      copy = { ...copy, [key]: value === undefined ? undefined : JSON.parse(JSON.stringify(value)) };
      sent.push(copy);
      await new Promise((resolve) => setImmediate(resolve));
    },
  } as unknown as vscode.Memento;
  return {
    memento,
    /** The main process's change event for the `n`-th batch sent, arriving now. */
    echo: (n: number) => {
      copy = sent[n];
    },
    get persisted() {
      return sent[sent.length - 1];
    },
  };
}

describe('global state', () => {
  it('repeats a write that an echo of an older one undid before it was sent', async () => {
    const fake = echoingMemento();
    const state = new GlobalState(fake.memento);
    await state.update('first', 1);
    const second = state.update('second', 2);
    fake.echo(0); // the first write's echo arrives: the copy no longer has "second"
    assert.strictEqual(state.get('second'), 2, 'this window reads what it wrote');
    assert.ok(state.keys().includes('second'));
    await second;
    assert.deepStrictEqual(fake.persisted, { first: 1, second: 2 });
  });

  it('writes once when nothing interferes, and a newer write wins over an older one', async () => {
    const fake = echoingMemento();
    const state = new GlobalState(fake.memento);
    const older = state.update('key', 'old');
    const newer = state.update('key', 'new');
    await Promise.all([older, newer]);
    assert.strictEqual(state.get('key'), 'new');
    assert.deepStrictEqual(fake.persisted, { key: 'new' });
    await state.update('key', undefined);
    assert.deepStrictEqual(state.keys(), []);
  });
});
