import { sql, type Kysely } from 'kysely';

/**
 * How many completed items of each type the gallery holds, kept exact by statement-level
 * triggers: the library answers `total` on every page, and counting 100,000 rows each time
 * would cost more than the page itself. A statement that changes no count touches nothing.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE media_gallery_counts (
      type media_type PRIMARY KEY,
      completed bigint NOT NULL CHECK (completed >= 0)
    )`.execute(db);
  await sql`
    INSERT INTO media_gallery_counts (type, completed)
    SELECT t, (SELECT count(*) FROM media_files WHERE status = 'completed' AND type = t)
    FROM unnest(enum_range(NULL::media_type)) AS t`.execute(db);

  // One function per event: a transition table exists only for the events that have it.
  await sql`
    CREATE FUNCTION media_gallery_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE media_gallery_counts AS c SET completed = c.completed + n.count
      FROM (SELECT type, count(*) AS count FROM new_rows WHERE status = 'completed' AND type IS NOT NULL GROUP BY type) AS n
      WHERE c.type = n.type;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE FUNCTION media_gallery_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE media_gallery_counts AS c SET completed = c.completed - o.count
      FROM (SELECT type, count(*) AS count FROM old_rows WHERE status = 'completed' AND type IS NOT NULL GROUP BY type) AS o
      WHERE c.type = o.type;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE FUNCTION media_gallery_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      WITH changes AS (
        SELECT type, sum(delta) AS delta FROM (
          SELECT type, -1 AS delta FROM old_rows WHERE status = 'completed' AND type IS NOT NULL
          UNION ALL
          SELECT type, 1 AS delta FROM new_rows WHERE status = 'completed' AND type IS NOT NULL
        ) AS moves GROUP BY type
      )
      UPDATE media_gallery_counts AS c SET completed = c.completed + changes.delta
      FROM changes WHERE c.type = changes.type AND changes.delta <> 0;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER media_gallery_counts_insert AFTER INSERT ON media_files
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION media_gallery_counts_insert()`.execute(db);
  await sql`
    CREATE TRIGGER media_gallery_counts_delete AFTER DELETE ON media_files
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION media_gallery_counts_delete()`.execute(db);
  await sql`
    CREATE TRIGGER media_gallery_counts_update AFTER UPDATE ON media_files
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION media_gallery_counts_update()`.execute(db);
}
