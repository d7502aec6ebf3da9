import { useState } from 'react';
import type { Album } from '../api/types';
import { ImageIcon } from '../components/icons';

/** The album's cover thumbnail, or a placeholder while it is empty. */
export function AlbumCover({ album, size }: { album: Album; size?: number }) {
  const [broken, setBroken] = useState(false);
  return album.cover_thumbnail_url && !broken ? (
    <img
      className="album-cover"
      src={album.cover_thumbnail_url}
      alt=""
      loading="lazy"
      decoding="async"
      width={size ?? 300}
      height={size ?? 300}
      draggable={false}
      onError={() => setBroken(true)}
    />
  ) : (
    <span className="album-cover placeholder">
      <ImageIcon size={size ? Math.round(size / 2) : 32} />
    </span>
  );
}
