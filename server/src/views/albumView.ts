import { Type, type Static } from '@sinclair/typebox';
import { albums, type Db } from '@keepsake/database';
import type { MediaUrlSigner } from '../media/MediaUrlSigner.js';
import { Timestamp, Uuid } from '../schemas/common.js';
import { mediaItemView } from './mediaItemView.js';

export const AlbumView = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Type.String(),
  /** The chosen cover, else the first item in gallery order; null for an empty album. */
  cover_media_id: Type.Union([Uuid, Type.Null()]),
  /** True when someone picked the cover, false when it is the default. */
  cover_chosen: Type.Boolean(),
  cover_thumbnail_url: Type.Union([Type.String(), Type.Null()]),
  item_count: Type.Integer(),
  created_by: Type.Union([Uuid, Type.Null()]),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type AlbumView = Static<typeof AlbumView>;

/** Albums as the API shows them, each cover's thumbnail signed for this session like a gallery tile. */
export async function albumViews(
  { db, mediaUrls }: { db: Db; mediaUrls: MediaUrlSigner },
  sessionId: string,
  summaries: albums.AlbumSummary[],
): Promise<AlbumView[]> {
  const coverIds = summaries.flatMap((album) => (album.effective_cover_id ? [album.effective_cover_id] : []));
  const covers = new Map((await albums.coverRows(db, coverIds)).map((row) => [row.id, row]));
  return summaries.map((album) => {
    const cover = album.effective_cover_id ? covers.get(album.effective_cover_id) : undefined;
    return {
      id: album.id,
      name: album.name,
      description: album.description,
      cover_media_id: album.effective_cover_id,
      cover_chosen: album.cover_media_id !== null,
      cover_thumbnail_url: cover
        ? mediaItemView(cover, mediaUrls.itemTokens(sessionId, cover.id), false).thumbnail_url
        : null,
      item_count: album.item_count,
      created_by: album.created_by,
      created_at: album.created_at.toISOString(),
      updated_at: album.updated_at.toISOString(),
    };
  });
}
