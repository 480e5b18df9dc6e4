/**
 * At most `limit()` callers inside `run` at once in this process; the others wait in order.
 * The limit is read on each call so a changed setting applies without a restart of the queue.
 */
export function createLimiter(limit: () => number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    active -= 1;
    if (waiting.length && active < limit()) {
      active += 1;
      waiting.shift()!();
    }
  };
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active < limit()) active += 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
  };
}
