import { sql, type Kysely } from 'kysely';

/**
 * Who uploaded an item through the web (issue 10): filled by the processor from the upload's
 * place in imports/ (`uploads/<username>/`); null for files dropped into imports/ by hand.
 * Deleting the person keeps their items (set null).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE media_files ADD COLUMN uploaded_by uuid REFERENCES users (id) ON DELETE SET NULL`.execute(db);
  await sql`CREATE INDEX media_files_uploaded_by ON media_files (uploaded_by) WHERE uploaded_by IS NOT NULL`.execute(
    db,
  );
}
