import { Type } from '@sinclair/typebox';
import { renditionPath, renditions, renditionUrl } from '@keepsake/contracts';
import { favourites, playbackProgress } from '@keepsake/database';
import type { App } from '../../app/types.js';
import { requireCompletedMedia } from '../../media/requireCompletedMedia.js';
import { mayDownload } from '../../media/downloadRight.js';
import { mayManage } from '../../trash/selectManagedItems.js';
import { trashActorOf } from '../../trash/trashDepsFor.js';
import { MediaItem, MediaMetadata, mediaItemView } from '../../views/mediaItemView.js';
import { errorResponses, IdParams } from '../../schemas/common.js';

const Variant = Type.Object({
  name: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  bandwidth: Type.Integer(),
});

export function itemRoutes(app: App): void {
  app.get(
    '/api/media/:id',
    {
      schema: {
        tags: ['media'],
        summary: 'One item, with its metadata, video variants and where playback stopped',
        params: IdParams,
        response: {
          200: Type.Object({
            ...MediaItem.properties,
            metadata: Type.Object(MediaMetadata.properties, {
              additionalProperties: true,
              description: "what the processor kept (camera, EXIF, …) with the design document's four fields",
            }),
            variants: Type.Array(Variant),
            resume_position: Type.Union([Type.Number(), Type.Null()]),
            original_url: Type.Union([Type.String(), Type.Null()], {
              description:
                'the kept original, to download (null when not kept or the user may not download): a token of its own',
            }),
            can_trash: Type.Boolean({
              description: 'the signed-in person may move it to the Trash (admins: any item; members: their uploads)',
            }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { userId, sessionId, role } = request.auth!;
      const item = await requireCompletedMedia(app.db, request.params.id);
      const sign = app.mediaUrls.itemTokens(sessionId, item.id);
      const [resume, isFavourite] = await Promise.all([
        item.type === 'video' ? playbackProgress.findPlaybackPosition(app.db, userId, item.id) : null,
        favourites.isFavourite(app.db, userId, item.id),
      ]);
      request.audit({ action: 'media.view', mediaId: item.id });
      const view = mediaItemView(item, sign, isFavourite);
      return {
        ...view,
        // Merged: the stored metadata keeps its own fields, the columns are the truth for the four.
        metadata: { ...item.metadata, ...view.metadata },
        variants: item.variants.map(({ name, width, height, bandwidth }) => ({ name, width, height, bandwidth })),
        resume_position: resume,
        original_url:
          mayDownload(app, role) && renditionPath(item, 'original')
            ? `${renditionUrl('original', item.id)}?t=${sign(renditions.original.purpose)}`
            : null,
        // The trash routes' own rule and actor, so the button shows exactly when the move would be allowed.
        can_trash: mayManage(item, trashActorOf({ userId, role })),
      };
    },
  );
}
