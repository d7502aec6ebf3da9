import { randomUUID } from 'node:crypto';
import type { Db } from '@keepsake/database';

/**
 * Grows a library to `count` items by copying one processed photo's row: every copy points
 * at the same encrypted files, so the gallery has real thumbnails to show without
 * processing hundreds of files first. Dates spread over months, so headers appear.
 */
export async function seedLibrary(db: Db, count: number): Promise<void> {
  const source = await db
    .selectFrom('media_files')
    .selectAll()
    .where('status', '=', 'completed')
    .where('type', '=', 'image')
    .executeTakeFirstOrThrow();
  const existing = Number(
    (
      await db
        .selectFrom('media_files')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const start = Date.parse('2025-12-31T12:00:00Z');
  const rows = Array.from({ length: Math.max(0, count - existing) }, (_, n) => {
    const { id: _id, sort_date: _sort, created_at: _created, updated_at: _updated, ...copy } = source;
    return {
      ...copy,
      id: randomUUID(),
      original_name: `photo-${String(n).padStart(4, '0')}.jpg`,
      content_hash: `bench-${randomUUID()}`,
      taken_at: new Date(start - n * 18 * 3600_000),
      metadata: JSON.stringify(source.metadata),
      variants: JSON.stringify(source.variants),
      updated_at: new Date(),
    };
  });
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('media_files')
      .values(rows.slice(i, i + 100))
      .execute();
  }
}
