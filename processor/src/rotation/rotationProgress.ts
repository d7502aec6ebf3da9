export interface RotationProgress {
  itemsDone: number;
  itemsTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface ProgressTracker {
  report(): void;
  /** Bytes written so far for an item being rotated. */
  written(mediaId: string): number;
  addWritten(mediaId: string, bytes: number): void;
  begin(mediaId: string): void;
  /** An item is done, rotated or not: it counts with its planned size from now on. */
  settle(mediaId: string, plannedSize: number): void;
}

/**
 * Progress over several items in flight at once: settled items count with their planned
 * size, items in flight with what they have written so far.
 */
export function trackProgress(
  totals: { itemsTotal: number; bytesTotal: number },
  onProgress?: (progress: RotationProgress) => void,
): ProgressTracker {
  let itemsDone = 0;
  let settledBytes = 0;
  const inFlight = new Map<string, number>();
  const report = () =>
    onProgress?.({
      itemsDone,
      itemsTotal: totals.itemsTotal,
      bytesDone: settledBytes + [...inFlight.values()].reduce((a, b) => a + b, 0),
      bytesTotal: totals.bytesTotal,
    });
  return {
    report,
    written: (mediaId) => inFlight.get(mediaId) ?? 0,
    addWritten(mediaId, bytes) {
      inFlight.set(mediaId, (inFlight.get(mediaId) ?? 0) + bytes);
      report();
    },
    begin(mediaId) {
      inFlight.set(mediaId, 0);
    },
    settle(mediaId, plannedSize) {
      inFlight.delete(mediaId);
      settledBytes += plannedSize;
      itemsDone += 1;
      report();
    },
  };
}
