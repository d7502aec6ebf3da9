import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MediaFile } from '@keepsake/database';
import type { App } from '../../app/types.js';
import { ApiError } from '../../errors/ApiError.js';
import { imageKinds } from '../../media/imageKinds.js';
import { sendSealed } from '../../media/sendSealed.js';

/** The full photo, decrypted, kept by no cache: what `/image/:id` and a photo's `/stream/:id` answer. */
export async function sendPhoto(app: App, request: FastifyRequest, reply: FastifyReply, item: MediaFile) {
  const { column, cache } = imageKinds.image;
  const relativePath = item[column];
  if (!relativePath) throw new ApiError('MEDIA_001', 'This item has no image.');
  await request.auditView(item.id, { kind: 'image' });
  return sendSealed(app.sealedFiles, request, reply, {
    mediaId: item.id,
    relativePath,
    contentType: 'image/webp',
    cache,
  });
}
