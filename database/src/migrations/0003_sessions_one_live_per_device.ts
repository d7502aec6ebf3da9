import { sql, type Kysely } from 'kysely';

/**
 * A device keeps at most one *live* session; revoked ones stay as history (the audit log
 * points at them), so a new sign-in on the same device is a new row with a new id and
 * nothing issued for the old session can ever become valid again.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').dropConstraint('sessions_user_device_key').execute();
  await sql`CREATE UNIQUE INDEX sessions_user_device_live_key ON sessions (user_id, device_id) WHERE revoked_at IS NULL`.execute(
    db,
  );
}
