import { Type } from '@sinclair/typebox';
import { NodeRequest } from 'srvx/node';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UPLOAD_CHUNK_BYTES } from '@keepsake/platform';
import type { App } from '../../app/types.js';
import { ApiError } from '../../errors/ApiError.js';
import { errorResponses, NoContent } from '../../schemas/common.js';
import { checkDeclaredUpload } from '../../uploads/checkDeclaredUpload.js';
import { createUploadServer, IMPORT_PATH_HEADER } from '../../uploads/createUploadServer.js';
import { CreationReservations } from '../../uploads/CreationReservations.js';
import { preparePartialDir } from '../../uploads/preparePartialDir.js';
import { promisedUploadBytes } from '../../uploads/promisedUploadBytes.js';
import { sendTusResponse } from '../../uploads/sendTusResponse.js';
import { sweepStaleUploads } from '../../uploads/sweepStaleUploads.js';

const SWEEP_EVERY_MS = 60 * 60 * 1000;

const TusHeaders = Type.Object({
  'tus-resumable': Type.Optional(Type.String({ description: 'tus protocol version (1.0.0)' })),
  'upload-length': Type.Optional(Type.String({ description: 'the whole file, in bytes' })),
  'upload-metadata': Type.Optional(Type.String({ description: 'filename and filetype, base64 (tus)' })),
  'upload-offset': Type.Optional(Type.String({ description: 'where this chunk starts' })),
});
const UploadParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{32}$', description: 'an upload id' }) });

/**
 * Resumable uploads (the tus protocol, 1.0.0) into imports/: create with POST, send chunks with
 * PATCH, ask how far it got with HEAD, give up with DELETE. Like every API route they need the
 * allowlist and a Bearer token (no cookie, so a cross-site page cannot upload in someone's name);
 * members only while MEMBERS_CAN_UPLOAD. tus reads the request body itself, streaming it to
 * disk: the body is never parsed or buffered here.
 */
export async function uploadRoutes(app: App): Promise<void> {
  const { config } = app;
  const partialDir = await preparePartialDir(config.importsDir);
  const uploads = createUploadServer({
    importsDir: config.importsDir,
    partialDir,
    maxBytes: config.uploadMaxBytes,
    logger: app.log,
  });
  const creations = new CreationReservations();
  const limits = {
    maxBytes: config.uploadMaxBytes,
    minFreeBytes: config.uploadMinFreeBytes,
    partialDir,
    promisedBytes: async () => (await promisedUploadBytes(uploads.store)) + creations.heldBytes(),
  };

  const sweep = () =>
    sweepStaleUploads(partialDir).then(
      (removed) => removed > 0 && app.log.info({ removed }, 'removed uploads without progress for 24 h'),
      (error: unknown) => app.log.warn({ err: error }, 'could not sweep stale uploads'),
    );
  void sweep();
  const timer = setInterval(() => void sweep(), SWEEP_EVERY_MS).unref();
  app.addHook('onClose', async () => clearInterval(timer));

  // Leave the body unread for tus.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));

  const mayUpload = (request: FastifyRequest) => {
    if (request.auth?.role !== 'admin' && !config.membersCanUpload) throw new ApiError('UPLOAD_003');
  };
  const handOver = async (request: FastifyRequest, reply: FastifyReply) => {
    uploads.callers.set(request.raw, request);
    const response = await uploads.tus.handleWeb(new NodeRequest({ req: request.raw, res: reply.raw }));
    return sendTusResponse(reply, response);
  };
  const ownUpload = async (request: FastifyRequest) => {
    mayUpload(request);
    const { id } = request.params as { id: string };
    if (!(await uploads.ownedBy(id, request.auth!.userId))) {
      throw new ApiError('SYSTEM_005', 'No such upload: it finished, was cancelled, or lay still for 24 h.');
    }
  };

  app.get(
    '/api/uploads',
    {
      schema: {
        tags: ['uploads'],
        summary: 'Whether the signed-in person may upload, the largest file, and the chunk size to send',
        response: {
          200: Type.Object({ can_upload: Type.Boolean(), max_bytes: Type.Number(), chunk_bytes: Type.Number() }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      can_upload: request.auth!.role === 'admin' || config.membersCanUpload,
      max_bytes: config.uploadMaxBytes,
      chunk_bytes: UPLOAD_CHUNK_BYTES,
    }),
  );

  app.post(
    '/api/uploads',
    {
      schema: {
        tags: ['uploads'],
        summary: 'Start an upload (tus creation): Upload-Length is required; refused before anything is stored',
        description: `413 UPLOAD_001 over UPLOAD_MAX_BYTES, 507 UPLOAD_002 when the disk would fall below UPLOAD_MIN_FREE_BYTES, 403 UPLOAD_003 for members when MEMBERS_CAN_UPLOAD is off. The answer's Location is the upload's URL; the PATCH that completes it carries ${IMPORT_PATH_HEADER}.`,
        headers: TusHeaders,
        response: { 201: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      mayUpload(request);
      return creations.run(
        () => checkDeclaredUpload(limits, request.headers['upload-length']),
        () => handOver(request, reply),
      );
    },
  );

  app.route({
    method: ['HEAD', 'PATCH', 'DELETE'],
    url: '/api/uploads/:id',
    schema: {
      tags: ['uploads'],
      summary: 'tus: HEAD how much has arrived, PATCH the next chunk, DELETE give the upload up',
      params: UploadParams,
      headers: TusHeaders,
      response: { 200: NoContent, 204: NoContent, ...errorResponses },
    },
    preHandler: ownUpload,
    handler: handOver,
  });
}
