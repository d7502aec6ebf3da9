import type { FastifyReply, FastifyRequest } from 'fastify';
import { renditionPath, renditions } from '@keepsake/contracts';
import type { MediaFile } from '@keepsake/database';
import type { App } from '../app/types.js';
import { ApiError } from '../errors/ApiError.js';
import { sendSealed } from './sendSealed.js';

/**
 * The full photo, decrypted, kept by no cache: what `/image/:id` and a photo's `/stream/:id`
 * answer. Unlike the tiles it is a view of the item, so it is audited (once an hour).
 */
export async function sendPhoto(app: App, request: FastifyRequest, reply: FastifyReply, item: MediaFile) {
  const { cache = 'revalidate', mime } = renditions.image;
  const relativePath = renditionPath(item, 'image');
  if (!relativePath) throw new ApiError('MEDIA_001', 'This item has no image.');
  await request.auditView(item.id, { kind: 'image' });
  return sendSealed(app.sealedFiles, request, reply, { mediaId: item.id, relativePath, contentType: mime, cache });
}
