import fs from 'node:fs';
import path from 'node:path';
import { cleanEnv } from 'envalid';
import { ConfigError } from './ConfigError.js';
import { expandSecretFiles } from './secretFiles.js';
import { resolveDir } from './validators.js';
import { commonSpecs, processorSpecs, secretNames, serverSpecs } from './specs.js';

type Env = NodeJS.ProcessEnv;

function clean<S extends object>(env: Env, specs: S) {
  return cleanEnv(expandSecretFiles(env, secretNames), specs, {
    reporter: ({ errors }) => {
      const problems = Object.entries(errors).map(([name, error]) => `${name}: ${(error as Error).message}`);
      if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    },
  });
}

export interface CommonConfig {
  nodeEnv: 'production' | 'development' | 'test';
  logLevel: string;
  logPretty: boolean;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  importsDir: string;
  assetsDir: string;
  privateDir: string;
  masterKeyFile: string;
  /** TRASH_DAYS: how long an item waits in the trash before it is deleted for good. */
  trashDays: number;
}

function common(env: ReturnType<typeof clean<typeof commonSpecs>>): CommonConfig {
  return {
    nodeEnv: env.NODE_ENV as CommonConfig['nodeEnv'],
    logLevel: env.LOG_LEVEL,
    logPretty: env.LOG_PRETTY,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    importsDir: resolveDir(env.IMPORTS_DIR),
    assetsDir: resolveDir(env.ASSETS_DIR),
    privateDir: resolveDir(env.PRIVATE_DIR),
    masterKeyFile: resolveDir(env.MASTER_ENCRYPTION_KEY_FILE || path.join(env.PRIVATE_DIR, 'master.key')),
    trashDays: env.TRASH_DAYS,
  };
}

export function loadCommonConfig(env: Env = process.env): CommonConfig {
  return common(clean(env, commonSpecs));
}

export interface ServerConfig extends CommonConfig {
  host: string;
  port: number;
  publicBaseUrl: string;
  allowedNetworks: string[];
  trustedProxies: string[];
  vpnSubnet: string[];
  sessionIdleMinutes: number;
  sessionLifetimeDays: number;
  maxDevicesPerUser: number;
  maxConcurrentStreams: number;
  accelRedirect: boolean;
  jwtSecret: string;
  urlSigningSecret: string;
  webDistDir: string;
  rotationGraceHours: number;
  membersCanUpload: boolean;
  membersCanDownload: boolean;
  uploadMaxBytes: number;
  uploadMinFreeBytes: number;
}

export function loadServerConfig(env: Env = process.env): ServerConfig {
  const e = clean(env, serverSpecs);
  return {
    ...common(e),
    host: e.HOST,
    port: e.PORT,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    allowedNetworks: e.ALLOWED_NETWORKS,
    trustedProxies: e.TRUSTED_PROXIES,
    vpnSubnet: e.VPN_SUBNET,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionLifetimeDays: e.SESSION_LIFETIME_DAYS,
    maxDevicesPerUser: e.MAX_DEVICES_PER_USER,
    maxConcurrentStreams: e.MAX_CONCURRENT_STREAMS,
    accelRedirect: e.ACCEL_REDIRECT,
    jwtSecret: e.JWT_SECRET || readSecretFile('JWT_SECRET', path.join(resolveDir(e.PRIVATE_DIR), 'jwt.secret')),
    urlSigningSecret:
      e.URL_SIGNING_SECRET ||
      readSecretFile('URL_SIGNING_SECRET', path.join(resolveDir(e.PRIVATE_DIR), 'url-signing.secret')),
    webDistDir: resolveDir(e.WEB_DIST_DIR),
    rotationGraceHours: e.ROTATION_GRACE_HOURS,
    membersCanUpload: e.MEMBERS_CAN_UPLOAD,
    membersCanDownload: e.MEMBERS_CAN_DOWNLOAD,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    uploadMinFreeBytes: e.UPLOAD_MIN_FREE_BYTES,
  };
}

export interface ProcessorConfig extends CommonConfig {
  workers: number;
  keepOriginals: boolean;
  watchPolling: boolean;
  rescanMinutes: number;
  jobTimeoutMinutes: number;
  /** The video ladder's top short side (1080 or lower). */
  videoMaxHeight: number;
  /** Seconds per HLS segment for new videos (4, 6 or 10); videos made before keep theirs. */
  hlsSegmentSeconds: number;
  /** How long a RAW with no JPEG of its shot in the queue waits for one. */
  rawPairWaitSeconds: number;
  livePairWaitSeconds: number;
  rotationGraceHours: number;
  rotationCleanupMinutes: number;
}

export function loadProcessorConfig(env: Env = process.env): ProcessorConfig {
  const e = clean(env, processorSpecs);
  return {
    ...common(e),
    workers: e.WORKERS,
    keepOriginals: e.KEEP_ORIGINALS,
    watchPolling: e.WATCH_POLLING,
    rescanMinutes: e.RESCAN_MINUTES,
    jobTimeoutMinutes: e.JOB_TIMEOUT_MINUTES,
    videoMaxHeight: e.VIDEO_MAX_HEIGHT,
    hlsSegmentSeconds: e.HLS_SEGMENT_SECONDS,
    rawPairWaitSeconds: e.RAW_PAIR_WAIT_SECONDS,
    livePairWaitSeconds: e.LIVE_PAIR_WAIT_SECONDS,
    rotationGraceHours: e.ROTATION_GRACE_HOURS,
    rotationCleanupMinutes: e.ROTATION_CLEANUP_MINUTES,
  };
}

/** A secret that scripts/init wrote; missing means init has not run. */
function readSecretFile(variable: string, file: string): string {
  let value: string;
  try {
    value = fs.readFileSync(file, 'utf8').trim();
  } catch {
    throw new ConfigError(`${variable}: not set and ${file} cannot be read; run scripts/init first`);
  }
  if (value.length < 32) throw new ConfigError(`${variable}: ${file} holds fewer than 32 characters`);
  return value;
}
