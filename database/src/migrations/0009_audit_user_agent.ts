import { sql, type Kysely } from 'kysely';

/**
 * The design document's access log keeps the client's user agent with every entry; Keepsake
 * kept it only on the session. A column of its own (not details), so it can be filtered on.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE access_logs ADD COLUMN user_agent text`.execute(db);
}
