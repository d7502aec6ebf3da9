import { bool, num, port, str, url } from 'envalid';
import { cidrList, dirPath, intBetween, nameList, numberBetween, secret } from './validators.js';

/** Read by the processor (rotation's cleanup) and the server (admin status). */
const rotationGraceHours = numberBetween(
  0,
  720,
)({ default: 24, desc: 'hours old key generations stay readable after a rotation' });

/**
 * Every environment variable Keepsake reads, with its default and meaning.
 * `.env.example` documents exactly these (a test keeps the two in step).
 */
export const commonSpecs = {
  NODE_ENV: str({
    choices: ['production', 'development', 'test'],
    default: 'production',
    desc: 'production, development or test',
  }),
  LOG_LEVEL: str({
    choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    default: 'info',
    desc: 'pino log level',
  }),
  LOG_PRETTY: bool({ default: false, desc: 'human-readable logs instead of JSON (development)' }),
  DATABASE_URL: url({
    default: 'postgres://postgres@127.0.0.1:5432/keepsake',
    desc: 'PostgreSQL connection URL',
  }),
  REDIS_URL: url({
    default: 'redis://127.0.0.1:6379',
    desc: 'Redis connection URL, password included',
  }),
  REDIS_PREFIX: str({
    default: 'keepsake:',
    desc: 'prefix of every Redis key, so one Redis can serve several installs',
  }),
  IMPORTS_DIR: dirPath({ default: './imports', desc: 'the drop folder the processor watches' }),
  ASSETS_DIR: dirPath({ default: './assets', desc: 'encrypted output' }),
  PRIVATE_DIR: dirPath({
    default: './private',
    desc: 'secrets made by scripts/init (master key, JWT and URL secrets, TLS)',
  }),
  MASTER_ENCRYPTION_KEY_FILE: str({ default: '', desc: 'master key file; empty means PRIVATE_DIR/master.key' }),
  // The server (Trash page), the processor (its purge) and the admin CLI (npm run media) read it.
  TRASH_DAYS: intBetween(
    1,
    3650,
  )({ default: 30, desc: 'days an item stays in the trash before it is deleted for good' }),
} as const;

export const serverSpecs = {
  ...commonSpecs,
  HOST: str({ default: '127.0.0.1', desc: 'address the server listens on (0.0.0.0 in the container)' }),
  PORT: port({ default: 3000, desc: 'port the server listens on' }),
  PUBLIC_BASE_URL: url({
    default: 'https://localhost:1027',
    desc: 'the address people type; used in links and the certificate',
  }),
  ALLOWED_NETWORKS: cidrList({
    default: ['127.0.0.1/32', '::1/128', '192.168.1.0/24', '10.8.0.0/24'],
    desc: 'client networks allowed in (home LAN and VPN); never add the Docker ranges',
  }),
  TRUSTED_PROXIES: cidrList({
    default: ['127.0.0.1/32', '::1/128'],
    desc: 'peers whose X-Forwarded-For / X-Real-IP are believed (nginx)',
  }),
  VPN_SUBNET: cidrList({ default: ['10.8.0.0/24'], desc: 'addresses counted as "via VPN" in the audit log' }),
  SESSION_IDLE_MINUTES: numberBetween(
    0.01,
    10080,
  )({ default: 30, desc: 'a session ends after this long without a request' }),
  SESSION_LIFETIME_DAYS: numberBetween(
    0.001,
    365,
  )({
    default: 7,
    desc: "a sign-in (its refresh token) lasts at most this long, however active; the design document's 7 days",
  }),
  MAX_DEVICES_PER_USER: intBetween(
    1,
    100,
  )({ default: 5, desc: 'signed-in devices per user; the least recently used is signed out' }),
  MAX_CONCURRENT_STREAMS: intBetween(1, 100)({ default: 3, desc: 'videos one user may play at the same time' }),
  ACCEL_REDIRECT: bool({ default: false, desc: 'let nginx send segment files (X-Accel-Redirect); true behind nginx' }),
  JWT_SECRET: secret({
    default: '',
    desc: 'access-token signing secret; empty means PRIVATE_DIR/jwt.secret',
  }),
  URL_SIGNING_SECRET: secret({
    default: '',
    desc: 'media URL signing secret; empty means PRIVATE_DIR/url-signing.secret',
  }),
  WEB_DIST_DIR: dirPath({ default: './web/dist', desc: 'the built gallery, served when nginx is not in front' }),
  ROTATION_GRACE_HOURS: rotationGraceHours,
  MEMBERS_CAN_UPLOAD: bool({ default: true, desc: 'members may upload from the web (admins always may)' }),
  MEMBERS_CAN_DOWNLOAD: bool({ default: true, desc: 'members may download originals and zips (admins always may)' }),
  UPLOAD_MAX_BYTES: intBetween(
    1,
    Number.MAX_SAFE_INTEGER,
  )({ default: 20 * 1024 ** 3, desc: 'largest file one upload may declare, in bytes (20 GiB)' }),
  UPLOAD_MIN_FREE_BYTES: intBetween(
    0,
    Number.MAX_SAFE_INTEGER,
  )({
    default: 2 * 1024 ** 3,
    desc: 'an upload is refused (507) unless this much disk stays free in IMPORTS_DIR after it, in bytes',
  }),
} as const;

export const processorSpecs = {
  ...commonSpecs,
  WORKERS: intBetween(1, 64)({ default: 2, desc: 'files processed at the same time by one processor' }),
  KEEP_ORIGINALS: bool({ default: true, desc: 'keep each original, sealed, in ASSETS_DIR/originals' }),
  WATCH_POLLING: bool({
    default: false,
    desc: 'poll the imports folder (Docker Desktop bind mounts on macOS drop events)',
  }),
  RESCAN_MINUTES: numberBetween(
    0.05,
    1440,
  )({ default: 5, desc: 'full rescan of the imports folder, to catch missed events' }),
  JOB_TIMEOUT_MINUTES: numberBetween(
    0.05,
    1440,
  )({ default: 60, desc: 'a file still processing after this long is stopped and retried' }),
  VIDEO_MAX_HEIGHT: num({
    choices: [1080, 720, 480, 360],
    default: 1080,
    desc: 'the top of the video ladder, by short side: 1080, or 720 on a slow machine',
  }),
  HLS_SEGMENT_SECONDS: num({
    choices: [4, 6, 10],
    default: 4,
    desc: 'length of the HLS segments new videos are cut into; shorter starts sooner (bench/playback)',
  }),
  RAW_PAIR_WAIT_SECONDS: numberBetween(
    0,
    3600,
  )({
    default: 30,
    desc: 'a RAW photo waits this long for the JPEG of the same shot (IMG_1.CR2 + IMG_1.JPG), to become one item',
  }),
  LIVE_PAIR_WAIT_SECONDS: numberBetween(
    0,
    86_400,
  )({
    default: 600,
    desc: "a Live Photo's MOV waits this long for its still (same content identifier) before it stays a video",
  }),
  ROTATION_GRACE_HOURS: rotationGraceHours,
  ROTATION_CLEANUP_MINUTES: numberBetween(
    0.01,
    1440,
  )({ default: 15, desc: 'how often the processor removes old key generations whose grace period is over' }),
} as const;

/** Read only by scripts/init (a shell script), listed here so they are documented with the rest. */
export const initSpecs = {
  PUBLIC_BASE_URL: serverSpecs.PUBLIC_BASE_URL,
  EXTRA_SANS: nameList({ default: [], desc: 'more host names / addresses for the TLS certificate, comma-separated' }),
} as const;

/** Variables that may be given as `NAME_FILE` instead. */
export const secretNames = ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'URL_SIGNING_SECRET'] as const;
