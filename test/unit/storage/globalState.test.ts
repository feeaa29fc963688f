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

/**
 * globalState as VS Code 1.100 keeps it, message by message: the extension host's memento keeps
 * a copy, sends the whole copy to the main process on the turn after an update, and takes every
 * change event the main process sends back as its new copy (its own writes come back too). The
 * main process answers each write after its change event. Messages keep their order each way
 * and take `delay()` turns each.
 */
function vscodeMemento(delay: () => number) {
  let copy: Record<string, unknown> = {};
  let stored: Record<string, unknown> = {};
  let waiting: (() => void)[] = [];
  let sendScheduled = false;
  const turns = async () => {
    for (let turn = delay(); turn > 0; turn--) {
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  let toMain = Promise.resolve();
  let toExtensionHost = Promise.resolve();
  const post = (line: Promise<void>, message: () => void) => line.then(turns).then(message);
  const memento = {
    keys: () => Object.keys(copy).filter((key) => copy[key] !== undefined),
    get: <T>(key: string) => copy[key] as T | undefined,
    update: (key: string, value: unknown) => new Promise<void>((resolve) => {
      copy[key] = value;
      waiting.push(resolve);
      if (sendScheduled) {
        return;
      }
      sendScheduled = true;
      setTimeout(() => {
        sendScheduled = false;
        const answered = waiting;
        waiting = [];
        const sent = JSON.stringify(copy);
        toMain = post(toMain, () => {
          stored = JSON.parse(sent) as Record<string, unknown>;
          toExtensionHost = post(toExtensionHost, () => (copy = JSON.parse(sent) as Record<string, unknown>));
          toExtensionHost = post(toExtensionHost, () => answered.forEach((done) => done()));
        });
      }, 0);
    }),
  } as unknown as vscode.Memento;
  return { memento, get stored() { return stored; } };
}

/** Numbers from 0 to `below` - 1 in an order fixed by `seed`. */
function seeded(seed: number, below: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % below;
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

  it('keeps every key when writes of several keys overlap with the change events of earlier ones', async () => {
    const keys = ['invoices', 'balance', 'history', 'insights', 'lastAccount'];
    for (let seed = 1; seed <= 100; seed++) {
      const random = seeded(seed, 2 + (seed % 3));
      const vscodeLike = vscodeMemento(random);
      const state = new GlobalState(vscodeLike.memento);
      const writes: Promise<void>[] = [];
      for (const key of keys) {
        writes.push(state.update(key, { of: key }));
        for (let turn = random(); turn > 0; turn--) {
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      }
      await Promise.all(writes);
      assert.deepStrictEqual(Object.keys(vscodeLike.stored).sort(), [...keys].sort(), `seed ${seed}`);
    }
  });
});
