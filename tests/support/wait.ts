/**
 * Asks `probe` again (every `interval` ms) until `done` holds for its answer, and returns that answer;
 * fails after `timeout` ms with the last answer. For state that changes on its own with no event to
 * wait for (the API's aggregates refreshing, a server starting): a wait for a condition, never a sleep.
 */
export async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string, { timeout = 30_000, interval = 200 } = {}): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
