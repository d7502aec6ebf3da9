export * from './config/index.js';
export { runCli, OperatorError } from './startup/runCli.js';
export {
  createLogger,
  loggerOptions,
  redactedPaths,
  type Logger,
  type LoggerSettings,
} from './logging/createLogger.js';
export { createRedis, channelName, type Redis, type RedisOptions } from './redis/createRedis.js';
export { terminalProgress, megabytes, type TerminalProgress } from './cli/terminalProgress.js';
export { readSecretInput, type SecretInput } from './cli/readSecretInput.js';
export {
  PARTIAL_UPLOADS_DIR,
  UPLOADS_DIR,
  UPLOAD_CHUNK_BYTES,
  PARTIAL_SUFFIXES,
  SYSTEM_NAMES,
  isSkippedName,
  uploaderOf,
  uploadFolderOf,
  safeUploadName,
  numberedName,
} from './uploads/uploadPaths.js';
