/** A minimal event emitter with vscode.Event's shape, for modules that run outside VS Code. */
export type Listener<T> = (value: T) => void;
export type Event<T> = (listener: Listener<T>) => { dispose(): void };

export class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      listener(value);
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
