import type { FastifyRequest } from 'fastify';
import { isDependencyFailure } from '../errors/isDependencyFailure.js';
import { ApiError } from '../errors/ApiError.js';

/**
 * A file under ASSETS_DIR that exists but cannot be read (permissions, I/O error, a folder where
 * a file should be): the design document's SYSTEM_002 storage error, logged for the admin.
 * Errors that are not the file system's (the database, Redis) keep their own way.
 */
export function storageError(error: unknown, request: FastifyRequest, file: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('E') || isDependencyFailure(error)) return error;
  request.log.error({ err: error, file }, 'stored file unreadable');
  return new ApiError('SYSTEM_002');
}
