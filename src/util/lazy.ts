/**
 * A value made on first use, once: a feature whose module is loaded (`import()`, a file of its
 * own in dist/) and built only when something asks for it. Disposing it disposes the value,
 * also one that arrives later.
 */
export class Lazy<T extends { dispose(): void }> {
  private making: Promise<T> | undefined;
  private made: T | undefined;
  private disposed = false;

  constructor(private readonly make: () => Promise<T>) {}

  /** The value, made (and its module loaded) on the first call. */
  get(): Promise<T> {
    this.making ??= this.make().then((value) => {
      if (this.disposed) {
        value.dispose();
        throw new Error('Disposed before it was made.');
      }
      this.made = value;
      return value;
    }, (error: unknown) => {
      this.making = undefined; // the next use tries again
      throw error;
    });
    return this.making;
  }

  /** The value if it has been made: what only concerns a feature in use (a setting changed). */
  get current(): T | undefined {
    return this.made;
  }

  dispose(): void {
    this.disposed = true;
    this.made?.dispose();
    this.made = undefined;
  }
}
