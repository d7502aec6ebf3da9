import { renditionUrlFields, type RenditionUrlField } from '@keepsake/contracts';
import type { MediaItem } from '../api/types';

/** A library item for the gallery's unit tests: only its id and dates matter there. */
export const fakeItem = (id: string, created_at: string, taken_at: string | null = null): MediaItem => ({
  id,
  type: 'image',
  original_name: `${id}.jpg`,
  name: `${id}.jpg`,
  mime: 'image/webp',
  size: 1,
  width: 1,
  height: 1,
  duration: null,
  taken_at,
  created_at,
  is_favourite: false,
  caption: null,
  ...(Object.fromEntries(renditionUrlFields.map((field) => [field, null])) as Record<RenditionUrlField, null>),
  metadata: { width: 1, height: 1, size_bytes: 1 },
});
