import { Type, type Static } from '@sinclair/typebox';
import {
  renditionNames,
  renditionPath,
  renditions,
  renditionUrl,
  type MediaPurpose,
  type RenditionColumn,
  type RenditionName,
  type RenditionUrlField,
} from '@keepsake/contracts';
import type { MediaFile } from '@keepsake/database';
import { NullableTimestamp, Timestamp, Uuid } from '../schemas/common.js';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

/** The design document's `metadata` of an item (duration for videos only). */
export const MediaMetadata = Type.Object({
  width: NullableNumber,
  height: NullableNumber,
  duration: Type.Optional(NullableNumber),
  size_bytes: Type.Number(),
});

/** The renditions the item view links to, in the table's order, with their URL fields. */
const listed = renditionNames.flatMap((name) => {
  const field: RenditionUrlField | null = renditions[name].url;
  return field ? [{ name, field }] : [];
});
const urlFields = Object.fromEntries(listed.map(({ field }) => [field, NullableString])) as Record<
  RenditionUrlField,
  typeof NullableString
>;

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
  // One signed URL per rendition of the table that has a URL field (thumbnail_url, …).
  ...urlFields,
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
  | 'asset_dir'
  | RenditionColumn
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
  const url = (name: RenditionName) =>
    renditionPath(item, name) ? `${renditionUrl(name, item.id)}?t=${tokenFor(renditions[name].purpose)}` : null;
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
    ...(Object.fromEntries(listed.map(({ name, field }) => [field, url(name)])) as Record<
      RenditionUrlField,
      string | null
    >),
    metadata: {
      width: item.width,
      height: item.height,
      ...(video ? { duration: item.duration } : {}),
      size_bytes: size,
    },
  };
}
