import { useId, useState } from 'react';
import type { Album } from '../api/types';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useAddToAlbum } from './albumMutations';
import { AlbumCover } from './AlbumCover';
import { useAlbums } from './useAlbums';
import '../styles/albums.css';

interface Props {
  mediaIds: string[];
  onClose: () => void;
  /** After the items went in: the album (perhaps new) and how many were not there yet. */
  onAdded: (album: Album | { id: string; name: string }, added: number) => void;
}

/** Pick an album for the items, or name a new one: one tap either way. */
export function AddToAlbumDialog({ mediaIds, onClose, onAdded }: Props) {
  const id = useId();
  const albums = useAlbums();
  const add = useAddToAlbum();
  const [name, setName] = useState('');
  const count = mediaIds.length;
  const addTo = (album: Album | { name: string }) =>
    add.mutate({ album, mediaIds }, { onSuccess: (result) => onAdded(result.album, result.added) });

  return (
    <Dialog title={`Add ${count === 1 ? '1 item' : `${count.toLocaleString()} items`} to an album`} onClose={onClose}>
      <form
        className="new-album-row"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim()) addTo({ name: name.trim() });
        }}
      >
        <label htmlFor={`${id}-name`} className="visually-hidden">
          New album name
        </label>
        <input
          id={`${id}-name`}
          placeholder="New album name"
          maxLength={200}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button primary" disabled={add.isPending || !name.trim()}>
          Create and add
        </button>
      </form>
      {albums.isPending ? (
        <Loading label="Loading albums" />
      ) : albums.isError ? (
        <ErrorNotice error={albums.error} action="load the albums" onRetry={() => void albums.refetch()} />
      ) : albums.data.length > 0 ? (
        <ul className="album-picker" aria-label="Albums">
          {albums.data.map((album) => (
            <li key={album.id}>
              <button type="button" disabled={add.isPending} onClick={() => addTo(album)}>
                <AlbumCover album={album} size={48} />
                <span className="album-picker-name">{album.name}</span>
                <span className="muted">{album.item_count.toLocaleString()}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No albums yet: name the first one above.</p>
      )}
      {add.isError && <ErrorNotice error={add.error} action="add to the album" />}
      <div className="dialog-actions">
        <button type="button" className="button subtle" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
