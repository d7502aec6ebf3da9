/**
 * Runs the tasks given to it one after the other, in order: what a check-then-act needs when
 * the check must see every earlier act (an upload's disk reservation is its tus file, written
 * by the creation the check lets through).
 */
export function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = last.then(task, task);
    last = run.catch(() => undefined);
    return run;
  };
}
