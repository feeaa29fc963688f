/**
 * Polls `condition` every few milliseconds until it holds: a wait for a condition, not a sleep.
 * The test's own timeout bounds it.
 */
export async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
