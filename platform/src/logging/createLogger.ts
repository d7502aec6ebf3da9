import pino, { type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/**
 * Paths that may carry secrets anywhere they are logged. Tokens also travel in
 * query strings, so request URLs are logged without them (see server's serializers).
 */
export const redactedPaths = [
  'password',
  '*.password',
  'newPassword',
  '*.newPassword',
  'token',
  '*.token',
  'refreshToken',
  '*.refreshToken',
  'accessToken',
  '*.accessToken',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
];

export interface LoggerSettings {
  name: string;
  level: string;
  pretty: boolean;
}

export function loggerOptions({ name, level, pretty }: LoggerSettings): LoggerOptions {
  return {
    name,
    level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  };
}

/** JSON logs for machines; pretty ones when a developer asks (LOG_PRETTY=true). */
export function createLogger(settings: LoggerSettings): Logger {
  return pino(loggerOptions(settings));
}
