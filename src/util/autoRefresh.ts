/** Refreshes on a fixed interval; `minutes` 0 turns it off. */
export class AutoRefresh {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly refresh: () => void) {}

  schedule(minutes: number): void {
    this.stop();
    if (minutes > 0) {
      this.timer = setInterval(this.refresh, minutes * 60_000);
    }
  }

  stop(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  dispose(): void {
    this.stop();
  }
}
