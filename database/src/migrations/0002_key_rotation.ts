import { sql, type Kysely } from 'kysely';

/** Monthly key rotation: a record of each run, and the old generations kept for a grace period. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rotation_runs')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('running')
        .check(sql`status IN ('running', 'completed', 'failed', 'interrupted')`),
    )
    .addColumn('dry_run', 'boolean', (c) => c.notNull().defaultTo(false))
    // Set when the run was limited to one item (--only): such runs do not count as the monthly rotation.
    .addColumn('only_media_id', 'uuid')
    .addColumn('items_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('items_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('items_failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('errors', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('host', 'text')
    .addColumn('pid', 'integer')
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await sql`CREATE INDEX rotation_runs_started_idx ON rotation_runs (started_at DESC)`.execute(db);

  // After an item switches generation, its old files stay readable until retire_after
  // (playback that began before the switch finishes), then cleanup removes them.
  await db.schema
    .createTable('retired_generations')
    .addColumn('media_id', 'uuid', (c) => c.notNull().references('media_files.id').onDelete('cascade'))
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('asset_dirs', 'jsonb', (c) => c.notNull())
    .addColumn('retire_after', 'timestamptz', (c) => c.notNull())
    .addColumn('removed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('retired_generations_pkey', ['media_id', 'generation'])
    .execute();
  await sql`CREATE INDEX retired_generations_due_idx ON retired_generations (retire_after) WHERE removed_at IS NULL`.execute(
    db,
  );
}
