import type { Db } from '../../db/createDb.js';
import type { QueueJob } from '../../db/schema.js';

export interface FileToQueue {
  /** Relative to IMPORTS_DIR. */
  path: string;
  size: number;
  mtime: Date;
  maxAttempts?: number;
}

/**
 * One row per file version: the same path, size and mtime never queue twice, however many
 * watchers and rescans see it. Returns the row and whether this call made it.
 */
export async function enqueueFile(db: Db, file: FileToQueue): Promise<{ job: QueueJob; created: boolean }> {
  const inserted = await db
    .insertInto('processing_queue')
    .values({
      path: file.path,
      size: file.size,
      mtime: file.mtime,
      ...(file.maxAttempts ? { max_attempts: file.maxAttempts } : {}),
      updated_at: new Date(),
    })
    .onConflict((oc) => oc.columns(['path', 'size', 'mtime']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { job: inserted, created: true };
  const existing = await db
    .selectFrom('processing_queue')
    .selectAll()
    .where('path', '=', file.path)
    .where('size', '=', file.size)
    .where('mtime', '=', file.mtime)
    .executeTakeFirstOrThrow();
  return { job: existing, created: false };
}
