/**
 * Settings the design document names that Keepsake does not read, each with what to set
 * instead. Left in an environment they would do nothing, silently: the server and the processor
 * say so at start.
 */
export const ignoredSettings: Record<string, string> = {
  DB_HOST: 'DATABASE_URL (postgres://user:password@host:port/name)',
  DB_PORT: 'DATABASE_URL (postgres://user:password@host:port/name)',
  DB_NAME: 'DATABASE_URL (postgres://user:password@host:port/name)',
  DB_USER: 'DATABASE_URL (postgres://user:password@host:port/name)',
  DB_PASSWORD: 'DATABASE_URL (postgres://user:password@host:port/name), or the database.url file in PRIVATE_DIR',
  DB_SSL_MODE: 'DATABASE_URL (?sslmode=…)',
  REDIS_HOST: 'REDIS_URL (redis://:password@host:port/db)',
  REDIS_PORT: 'REDIS_URL (redis://:password@host:port/db)',
  REDIS_PASSWORD: 'REDIS_URL (redis://:password@host:port/db), or the redis.url file in PRIVATE_DIR',
  REDIS_DB: 'REDIS_URL (redis://:password@host:port/db)',
  REDIS_SSL: 'REDIS_URL (rediss://…)',
  JWT_ACCESS_SECRET: 'JWT_SECRET, or PRIVATE_DIR/jwt.secret (made by scripts/init)',
  JWT_REFRESH_SECRET: 'nothing: refresh tokens are random and stored hashed, no secret signs them',
  MASTER_ENCRYPTION_KEY:
    'MASTER_ENCRYPTION_KEY_FILE, or PRIVATE_DIR/master.key: the master key is never taken inline, where process listings and docker inspect show it',
  SERVER_HOST: 'HOST',
  SERVER_PORT: 'PORT (the server), NGINX_LISTEN (the published port, 1027)',
  SSL_ENABLED: 'nothing: nginx always speaks TLS, with the certificate scripts/init makes in PRIVATE_DIR',
  SSL_CERT_PATH: 'PRIVATE_DIR/tls-chain.crt (scripts/init)',
  SSL_KEY_PATH: 'PRIVATE_DIR/tls.key (scripts/init)',
  STORAGE_BASE_PATH: 'ASSETS_DIR (encrypted output) and IMPORTS_DIR (the drop folder)',
  MAX_WORKERS: 'WORKERS',
  PARALLEL_PROCESSING: 'WORKERS (1 means one at a time)',
  APP_ENV: 'NODE_ENV',
  HOST_IP: 'PUBLIC_BASE_URL and EXTRA_SANS',
  ENFORCE_VPN: 'ALLOWED_NETWORKS (always enforced)',
  FFMPEG_PATH: 'PATH (ffmpeg and ffprobe are found there)',
  FFMPEG_THREADS: 'nothing: ffmpeg picks its threads',
  FFMPEG_HWACCEL: 'nothing: software decoding only',
  THUMBNAIL_WIDTH: 'nothing: the previews are fixed (ARCHITECTURE.md, Processing)',
  THUMBNAIL_FPS: 'nothing: the previews are fixed (ARCHITECTURE.md, Processing)',
  THUMBNAIL_DURATION: 'nothing: the previews are fixed (ARCHITECTURE.md, Processing)',
  PREVIEW_WIDTH: 'nothing: the previews are fixed (ARCHITECTURE.md, Processing)',
  PREVIEW_MAX_FRAMES: 'nothing: the previews are fixed (ARCHITECTURE.md, Processing)',
  SCENE_THRESHOLD: 'nothing: the previews are fixed (ARCHITECTURE.md, Processing)',
};

export interface IgnoredSetting {
  name: string;
  /** What to set instead; never the value found, which may be a password or a key. */
  use: string;
  message: string;
}

/** The design document's settings present in `env` that Keepsake ignores, in a stable order. */
export function findIgnoredSettings(env: Record<string, string | undefined>): IgnoredSetting[] {
  return Object.entries(ignoredSettings)
    .filter(([name]) => env[name] !== undefined)
    .map(([name, use]) => ({ name, use, message: `${name} is set but Keepsake does not read it; use ${use}` }));
}

/** Says at start, once per setting, which of the design document's settings do nothing here. */
export function warnIgnoredSettings(
  logger: { warn: (fields: object, message: string) => void },
  env: Record<string, string | undefined>,
): void {
  for (const ignored of findIgnoredSettings(env)) {
    logger.warn({ setting: ignored.name, use: ignored.use }, ignored.message);
  }
}
