import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { isTyping } from '../keyboard/isTyping';
import { useCreateAlbum } from './albumMutations';
import { AlbumCover } from './AlbumCover';
import { AlbumFormDialog } from './AlbumFormDialog';
import { useAlbums } from './useAlbums';
import '../styles/albums.css';

/** The household's albums, each with its cover and count; `n` makes a new one. */
export function AlbumsPage() {
  const albums = useAlbums();
  const create = useCreateAlbum();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    if (creating) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'n' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.defaultPrevented || isTyping(event.target)) return;
      event.preventDefault();
      setCreating(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [creating]);

  return (
    <section className="page albums-page" aria-labelledby="albums-title">
      <div className="page-heading">
        <h1 id="albums-title">Albums</h1>
        <button type="button" className="button primary" title="New album (n)" onClick={() => setCreating(true)}>
          New album
        </button>
      </div>
      {albums.isPending ? (
        <Loading label="Loading albums" />
      ) : albums.isError ? (
        <ErrorNotice error={albums.error} action="load the albums" onRetry={() => void albums.refetch()} />
      ) : albums.data.length === 0 ? (
        <div className="empty-state">
          <h2>No albums yet</h2>
          <p>
            Make one here, or select photos in the gallery (Select, or a long press on a phone) and choose “Add to
            album”. Albums are shared with everyone in the household.
          </p>
        </div>
      ) : (
        <ul className="album-grid" aria-label="Albums">
          {albums.data.map((album) => (
            <li key={album.id}>
              <Link to={`/albums/${album.id}`} className="album-card">
                <AlbumCover album={album} />
                <span className="album-card-name">{album.name}</span>
                <span className="muted album-card-count">
                  {album.item_count === 1 ? '1 item' : `${album.item_count.toLocaleString()} items`}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {creating && (
        <AlbumFormDialog
          title="New album"
          submitLabel="Create"
          pending={create.isPending}
          error={create.error}
          onClose={() => setCreating(false)}
          onSubmit={(fields) =>
            create.mutate(
              { name: fields.name, ...(fields.description ? { description: fields.description } : {}) },
              { onSuccess: (album) => void navigate(`/albums/${album.id}`) },
            )
          }
        />
      )}
    </section>
  );
}
