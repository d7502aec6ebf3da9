import type { FastifyReply, FastifyRequest } from 'fastify';
import { readSealedHeader, SealedFileError, type SealedHeader } from '@keepsake/vault';
import { ApiError } from '../errors/ApiError.js';
import { parseByteRange } from './byteRange.js';
import { assetFile, openSealedAsset, type SealedDeps } from './openSealedAsset.js';
import { storageError } from './storageError.js';

/**
 * How a browser may keep a decrypted file: `revalidate` (`private, no-cache` with an ETag, so
 * every reuse asks the server, which checks the session before its 304) or `no-store`.
 */
export type SealedCaching = 'revalidate' | 'no-store';

export interface SealedResponse {
  /** The item the file belongs to: the file must be sealed for it (and for its own name). */
  mediaId: string;
  /** Path relative to ASSETS_DIR, as media_files stores it. */
  relativePath: string;
  contentType: string;
  cache: SealedCaching;
  /** Serve `Range` requests (originals, which can be large). */
  ranges?: boolean;
  /** Extra headers (Content-Disposition). */
  headers?: Record<string, string>;
}

export type { SealedDeps };

/** If-None-Match may list several tags, weak or strong; `*` matches anything. */
function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

async function header(file: string, request: FastifyRequest): Promise<SealedHeader> {
  try {
    return await readSealedHeader(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiError('MEDIA_001', 'The file is missing.');
    if (error instanceof SealedFileError) {
      request.log.error({ err: error, file }, 'sealed file unreadable');
      throw new ApiError('MEDIA_003');
    }
    throw storageError(error, request, file);
  }
}

/**
 * Decrypts a sealed file (vault/src/sealed) straight into the response: the right type,
 * the caching asked for (an ETag and 304 when it revalidates) and, where asked for, Range support.
 */
export async function sendSealed(
  deps: SealedDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  response: SealedResponse,
): Promise<FastifyReply> {
  const file = assetFile(deps.assetsDir, response.relativePath);
  if (!file) throw new ApiError('MEDIA_001');
  const sealed = await header(file, request);
  reply.header('content-type', response.contentType).header('accept-ranges', response.ranges ? 'bytes' : 'none');
  for (const [name, value] of Object.entries(response.headers ?? {})) reply.header(name, value);
  if (response.cache === 'no-store') {
    reply.header('cache-control', 'no-store');
  } else {
    // Sealed files are never rewritten in place (rotation writes a new generation under a new key).
    const etag = `"${sealed.keyId}-${sealed.sealedSize}"`;
    reply.header('etag', etag).header('cache-control', 'private, no-cache');
    if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send();
  }

  const size = sealed.plainSize;
  const wanted = response.ranges ? parseByteRange(request.headers.range, size) : { kind: 'none' as const };
  if (wanted.kind === 'unsatisfiable') {
    return reply.code(416).header('content-range', `bytes */${size}`).send();
  }
  const range = wanted.kind === 'range' ? wanted.range : undefined;
  let stream;
  try {
    stream = await openSealedAsset(deps, response.mediaId, file, range);
  } catch (error) {
    if (error instanceof SealedFileError) {
      request.log.error({ err: error, file }, 'sealed file cannot be opened');
      throw new ApiError('MEDIA_003');
    }
    throw storageError(error, request, file);
  }
  if (range) {
    reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`);
    reply.header('content-length', range.end - range.start + 1);
  } else {
    reply.header('content-length', size);
  }
  return reply.send(stream);
}
