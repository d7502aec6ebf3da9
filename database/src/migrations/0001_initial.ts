import { sql, type Kysely } from 'kysely';

/**
 * The whole model of the spec. Forward-only: later changes are new migrations.
 * `any` because a migration must keep working when the Database type moves on.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pgcrypto`.execute(db);

  await sql`CREATE TYPE user_role AS ENUM ('admin', 'member')`.execute(db);
  await sql`CREATE TYPE media_type AS ENUM ('image', 'video')`.execute(db);
  await sql`CREATE TYPE media_status AS ENUM ('pending', 'processing', 'completed', 'failed')`.execute(db);
  await sql`CREATE TYPE key_purpose AS ENUM ('hls', 'storage')`.execute(db);
  await sql`CREATE TYPE queue_status AS ENUM ('queued', 'processing', 'completed', 'failed')`.execute(db);

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('username', 'text', (c) => c.notNull().check(sql`username ~ '^[A-Za-z0-9._-]{2,64}$'`))
    .addColumn('email', 'text', (c) =>
      c.notNull().check(sql`email ~* '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$' AND length(email) <= 254`),
    )
    .addColumn('full_name', 'text', (c) => c.notNull().check(sql`length(full_name) BETWEEN 1 AND 200`))
    .addColumn('role', sql`user_role`, (c) => c.notNull().defaultTo('member'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('is_active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('last_login_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Case-insensitive uniqueness: "Mum" and "mum" are the same person.
  await sql`CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username))`.execute(db);
  await sql`CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email))`.execute(db);

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('device_id', 'text', (c) => c.notNull().check(sql`length(device_id) BETWEEN 1 AND 128`))
    .addColumn('device_name', 'text', (c) => c.notNull())
    .addColumn('device_type', 'text', (c) =>
      c
        .notNull()
        .defaultTo('unknown')
        .check(sql`device_type IN ('desktop', 'mobile', 'tablet', 'tv', 'unknown')`),
    )
    .addColumn('ip', sql`inet`)
    .addColumn('user_agent', 'text')
    .addColumn('refresh_token_hash', 'text', (c) => c.notNull())
    .addColumn('last_activity_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('sessions_user_device_key', ['user_id', 'device_id'])
    .execute();
  await db.schema
    .createIndex('sessions_user_activity_idx')
    .on('sessions')
    .columns(['user_id', 'last_activity_at'])
    .execute();

  await db.schema
    .createTable('media_files')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('type', sql`media_type`)
    .addColumn('mime', 'text')
    .addColumn('size', 'bigint', (c) => c.notNull().check(sql`size >= 0`))
    .addColumn('width', 'integer', (c) => c.check(sql`width > 0`))
    .addColumn('height', 'integer', (c) => c.check(sql`height > 0`))
    .addColumn('duration', 'double precision', (c) => c.check(sql`duration >= 0`))
    .addColumn('taken_at', 'timestamptz')
    .addColumn('content_hash', 'text', (c) => c.notNull().unique())
    .addColumn('status', sql`media_status`, (c) => c.notNull().defaultTo('pending'))
    .addColumn('error', 'text')
    .addColumn('error_code', 'text')
    .addColumn('metadata', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // Current key generation; files live under <kind>/<id>/g<generation>/.
    .addColumn('generation', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`generation >= 1`),
    )
    .addColumn('asset_dir', 'text')
    .addColumn('image_path', 'text')
    .addColumn('thumbnail_path', 'text')
    .addColumn('preview_path', 'text')
    .addColumn('scene_preview_path', 'text')
    .addColumn('poster_path', 'text')
    .addColumn('playlist_path', 'text')
    .addColumn('original_path', 'text')
    .addColumn('variants', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('hls_key_id', 'uuid')
    .addColumn('storage_key_id', 'uuid')
    .addColumn('processing_started_at', 'timestamptz')
    .addColumn('processing_completed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // The gallery's "date" is when it was taken, or when it arrived if the file does not say.
    .addColumn('sort_date', 'timestamptz', (c) =>
      c
        .notNull()
        .generatedAlwaysAs(sql`coalesce(taken_at, created_at)`)
        .stored(),
    )
    .execute();
  // Keyset paging for the gallery: one index per sort order, completed items only.
  await sql`CREATE INDEX media_gallery_taken_idx ON media_files (sort_date DESC, id DESC) WHERE status = 'completed'`.execute(
    db,
  );
  await sql`CREATE INDEX media_gallery_taken_type_idx ON media_files (type, sort_date DESC, id DESC) WHERE status = 'completed'`.execute(
    db,
  );
  await sql`CREATE INDEX media_gallery_created_idx ON media_files (created_at DESC, id DESC) WHERE status = 'completed'`.execute(
    db,
  );
  await sql`CREATE INDEX media_gallery_created_type_idx ON media_files (type, created_at DESC, id DESC) WHERE status = 'completed'`.execute(
    db,
  );
  await sql`CREATE INDEX media_gallery_name_idx ON media_files (lower(original_name), id) WHERE status = 'completed'`.execute(
    db,
  );
  await sql`CREATE INDEX media_gallery_name_type_idx ON media_files (type, lower(original_name), id) WHERE status = 'completed'`.execute(
    db,
  );
  await sql`CREATE INDEX media_status_idx ON media_files (status, updated_at DESC)`.execute(db);

  await db.schema
    .createTable('encryption_keys')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('media_id', 'uuid', (c) => c.notNull().references('media_files.id').onDelete('cascade'))
    .addColumn('purpose', sql`key_purpose`, (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull().check(sql`generation >= 1`))
    // nonce(12) || ciphertext || tag(16), AES-256-GCM under the master key, bound to id/purpose/generation.
    .addColumn('wrapped_key', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('retired_at', 'timestamptz')
    .addUniqueConstraint('encryption_keys_media_purpose_generation_key', ['media_id', 'purpose', 'generation'])
    .execute();
  await db.schema
    .alterTable('media_files')
    .addForeignKeyConstraint('media_files_hls_key_fk', ['hls_key_id'], 'encryption_keys', ['id'])
    .onDelete('set null')
    .execute();
  await db.schema
    .alterTable('media_files')
    .addForeignKeyConstraint('media_files_storage_key_fk', ['storage_key_id'], 'encryption_keys', ['id'])
    .onDelete('set null')
    .execute();

  // One row: a fingerprint of the master key, so a wrong key is caught at start even before any media exists.
  await db.schema
    .createTable('master_key_check')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('processing_queue')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull().check(sql`size >= 0`))
    .addColumn('mtime', 'timestamptz', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', sql`queue_status`, (c) => c.notNull().defaultTo('queued'))
    .addColumn('attempts', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`attempts >= 0`),
    )
    .addColumn('max_attempts', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(3)
        .check(sql`max_attempts >= 1`),
    )
    .addColumn('run_after', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('lease_until', 'timestamptz')
    .addColumn('worker_id', 'text')
    .addColumn('stage', 'text')
    .addColumn('progress', 'real', (c) => c.check(sql`progress BETWEEN 0 AND 100`))
    .addColumn('error', 'text')
    .addColumn('error_code', 'text')
    .addColumn('media_id', 'uuid', (c) => c.references('media_files.id').onDelete('set null'))
    // Where the file sits after a final failure (under imports/failed/); a retry processes it from there.
    .addColumn('failed_path', 'text')
    .addColumn('queued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('processing_queue_file_key', ['path', 'size', 'mtime'])
    .execute();
  // What a worker claims next: ready jobs by priority, then age.
  await sql`CREATE INDEX processing_queue_claim_idx ON processing_queue (priority DESC, run_after, id) WHERE status = 'queued'`.execute(
    db,
  );
  await sql`CREATE INDEX processing_queue_lease_idx ON processing_queue (lease_until) WHERE status = 'processing'`.execute(
    db,
  );
  await sql`CREATE INDEX processing_queue_status_idx ON processing_queue (status, updated_at DESC)`.execute(db);

  await db.schema
    .createTable('access_logs')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('session_id', 'uuid', (c) => c.references('sessions.id').onDelete('set null'))
    .addColumn('media_id', 'uuid', (c) => c.references('media_files.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action ~ '^[a-z_.]{2,64}$'`))
    .addColumn('client_ip', sql`inet`)
    .addColumn('via_vpn', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('bytes', 'bigint')
    .addColumn('status', 'integer')
    .addColumn('response_ms', 'integer')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`CREATE INDEX access_logs_created_idx ON access_logs (created_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX access_logs_user_idx ON access_logs (user_id, created_at DESC)`.execute(db);
  await sql`CREATE INDEX access_logs_action_idx ON access_logs (action, created_at DESC)`.execute(db);

  await db.schema
    .createTable('playback_progress')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('media_id', 'uuid', (c) => c.notNull().references('media_files.id').onDelete('cascade'))
    .addColumn('position_seconds', 'double precision', (c) => c.notNull().check(sql`position_seconds >= 0`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('playback_progress_pkey', ['user_id', 'media_id'])
    .execute();
}
