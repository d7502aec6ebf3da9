/** Lets idle workers sleep until there is news (a file queued, a stop) or a timeout. */
export function createWakeup() {
  const sleepers = new Set<() => void>();
  return {
    wait(ms: number): Promise<void> {
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          sleepers.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        sleepers.add(done);
      });
    },
    wakeAll(): void {
      for (const wake of [...sleepers]) wake();
    },
  };
}
