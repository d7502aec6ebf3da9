import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import { placeFinishedUpload } from './placeFinishedUpload.js';

/** The response header that tells the uploader where its finished file waits (the `file` of the processor's events). */
export const IMPORT_PATH_HEADER = 'Keepsake-Import-Path';

export interface UploadServerOptions {
  importsDir: string;
  partialDir: string;
  maxBytes: number;
  logger: FastifyBaseLogger;
}

export interface UploadServer {
  tus: Server;
  store: FileStore;
  /** The Fastify request a raw request belongs to, for tus's hooks (they see only the raw one). */
  callers: WeakMap<IncomingMessage, FastifyRequest>;
  /** Whether this upload was started by this user (else it is treated as not there). */
  ownedBy(id: string, userId: string): Promise<boolean>;
}

function callerOf(callers: WeakMap<IncomingMessage, FastifyRequest>, req: unknown): FastifyRequest {
  const raw = (req as { runtime?: { node?: { req?: IncomingMessage } } }).runtime?.node?.req;
  const caller = raw && callers.get(raw);
  if (!caller?.auth?.user) throw new Error('an upload request reached tus without a signed-in caller');
  return caller;
}

/**
 * tus (resumable uploads) over the file store in the partial folder. Chunks stream from the
 * request to the file; nothing is held in memory. The uploader's id and username are written
 * into the upload's metadata by the server (whatever the client sent under those names), and on
 * the last byte the file moves into imports/uploads/<username>/ for the processor.
 */
export function createUploadServer(options: UploadServerOptions): UploadServer {
  const callers = new WeakMap<IncomingMessage, FastifyRequest>();
  const store = new FileStore({ directory: options.partialDir });
  const tus = new Server({
    path: '/api/uploads',
    datastore: store,
    maxSize: options.maxBytes,
    relativeLocation: true,
    // Same origin only: no Access-Control-Allow-Origin for anyone.
    allowedOrigins: () => false,
    onUploadCreate: async (req, upload: Upload) => {
      const { auth } = callerOf(callers, req);
      return {
        metadata: {
          filename: upload.metadata?.filename ?? null,
          filetype: upload.metadata?.filetype ?? null,
          owner: auth!.userId,
          username: auth!.user!.username,
        },
      };
    },
    onUploadFinish: async (req, upload: Upload) => {
      const caller = callerOf(callers, req);
      const file = await placeFinishedUpload(
        options.importsDir,
        path.join(options.partialDir, upload.id),
        upload.metadata!.username!,
        upload.metadata?.filename,
      );
      await store.configstore.delete(upload.id);
      caller.audit({ action: 'media.upload', details: { file, size: upload.size } });
      caller.log.info({ file, size: upload.size }, 'upload finished');
      return { headers: { [IMPORT_PATH_HEADER]: file } };
    },
    onResponseError: (_req, error) => {
      const status = 'status_code' in error ? error.status_code : 500;
      if (status >= 500) options.logger.error({ err: error }, 'upload failed on the server');
      return undefined;
    },
  });
  const ownedBy = async (id: string, userId: string) => {
    const upload = await store.getUpload(id).catch(() => null);
    return upload?.metadata?.owner === userId;
  };
  return { tus, store, callers, ownedBy };
}
