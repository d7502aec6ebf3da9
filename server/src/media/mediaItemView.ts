import { Type, type Static } from '@sinclair/typebox';
import type { MediaFile } from '@keepsake/database';
import { NullableTimestamp, Timestamp, Uuid } from '../schemas/common.js';
import { imageKinds } from './imageKinds.js';
import type { MediaPurpose } from './MediaUrlSigner.js';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

/** The design document's `metadata` of an item (duration for videos only). */
export const MediaMetadata = Type.Object({
  width: NullableNumber,
  height: NullableNumber,
  duration: Type.Optional(NullableNumber),
  size_bytes: Type.Number(),
});

export const MediaItem = Type.Object({
  id: Uuid,
  type: Type.Union([Type.Literal('image'), Type.Literal('video')]),
  original_name: Type.String(),
  /** The design document's name for original_name. */
  name: Type.String(),
  mime: NullableString,
  size: Type.Number(),
  width: NullableNumber,
  height: NullableNumber,
  duration: NullableNumber,
  taken_at: NullableTimestamp,
  created_at: Timestamp,
  /** One of the signed-in person's favourites. */
  is_favourite: Type.Boolean(),
  /** The household's words for the item (searchable), or null. */
  caption: NullableString,
  thumbnail_url: NullableString,
  image_url: NullableString,
  preview_url: NullableString,
  scene_preview_url: NullableString,
  poster_url: NullableString,
  stream_url: NullableString,
  metadata: MediaMetadata,
});
export type MediaItem = Static<typeof MediaItem>;

type ItemFields = Pick<
  MediaFile,
  | 'id'
  | 'type'
  | 'original_name'
  | 'mime'
  | 'size'
  | 'width'
  | 'height'
  | 'duration'
  | 'taken_at'
  | 'created_at'
  | 'caption'
  | 'image_path'
  | 'thumbnail_path'
  | 'preview_path'
  | 'scene_preview_path'
  | 'poster_path'
  | 'playlist_path'
>;

/**
 * An item as the gallery sees it, each media URL signed for its own purpose so `<img>`,
 * `<video>` and hls.js can load them without headers, and a tile's URL opens only the tile.
 */
export function mediaItemView(
  item: ItemFields,
  tokenFor: (purpose: MediaPurpose) => string,
  isFavourite: boolean,
): MediaItem {
  const url = (kind: keyof typeof imageKinds | 'stream', present: unknown) => {
    if (!present) return null;
    const purpose = kind === 'stream' ? 'stream' : imageKinds[kind].purpose;
    return `/api/media/${kind}/${item.id}?t=${tokenFor(purpose)}`;
  };
  const video = item.type === 'video';
  const size = Number(item.size);
  return {
    id: item.id,
    type: video ? 'video' : 'image',
    original_name: item.original_name,
    name: item.original_name,
    mime: item.mime,
    size,
    width: item.width,
    height: item.height,
    duration: item.duration,
    taken_at: item.taken_at?.toISOString() ?? null,
    created_at: item.created_at.toISOString(),
    is_favourite: isFavourite,
    caption: item.caption,
    thumbnail_url: url('thumbnail', item.thumbnail_path),
    image_url: video ? null : url('image', item.image_path),
    preview_url: video ? url('preview', item.preview_path) : null,
    scene_preview_url: video ? url('scenes', item.scene_preview_path) : null,
    poster_url: video ? url('poster', item.poster_path) : null,
    stream_url: video ? url('stream', item.playlist_path) : null,
    metadata: {
      width: item.width,
      height: item.height,
      ...(video ? { duration: item.duration } : {}),
      size_bytes: size,
    },
  };
}
