import { Type } from '@sinclair/typebox';
import { hlsKeyUri } from '@keepsake/contracts';
import type { App } from '../../app/types.js';
import { ApiError } from '../../errors/ApiError.js';
import { requireServedGeneration } from '../../hls/servedGeneration.js';
import { errorResponses, Uuid } from '../../schemas/common.js';
import { mediaSecurity, SignedQuery } from './mediaSchemas.js';

export function keyRoutes(app: App): void {
  app.get(
    hlsKeyUri(':keyId'),
    {
      config: { access: 'media-key' },
      schema: {
        tags: ['media'],
        summary: "A video's AES-128 HLS key: 16 bytes, never cached (signed URL from the variant playlist)",
        security: mediaSecurity,
        params: Type.Object({ keyId: Uuid }),
        querystring: SignedQuery,
        produces: ['application/octet-stream'],
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const key = await app.keyStore.get(request.params.keyId);
      // Only HLS keys ever leave the server; a storage key id gets the same answer as an unknown one,
      // and so does a key rotation has retired (its segments are gone; a leaked copy opens nothing new).
      if (key?.purpose !== 'hls' || key.retiredAt) throw new ApiError('MEDIA_001', 'No such key.');
      // retiredAt may come from the key store's cache; the generation's grace period is asked afresh.
      await requireServedGeneration(app.db, key.mediaId, key.generation);
      request.auditDelivery({
        action: 'media.key',
        mediaId: key.mediaId,
        details: { key_id: key.id, generation: key.generation },
      });
      return reply
        .header('content-type', 'application/octet-stream')
        .header('cache-control', 'no-store')
        .header('content-length', key.key.length)
        .send(key.key);
    },
  );
}
