import { useEffect, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/ApiError';
import type { Album } from '../api/types';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { LibraryBrowser } from '../gallery/LibraryBrowser';
import { libraryQueryFrom } from '../gallery/librarySearch';
import { isTyping } from '../keyboard/isTyping';
import type { Selection } from '../selection/useSelection';
import { useDeleteAlbum, useRemoveFromAlbum, useUpdateAlbum } from './albumMutations';
import { AlbumFormDialog } from './AlbumFormDialog';
import { useAlbum } from './useAlbums';
import '../styles/albums.css';

/** One album: the gallery's grid, search and viewer over its items, and what can be done to it. */
export function AlbumPage() {
  const { id = '' } = useParams();
  const album = useAlbum(id);
  if (album.isPending) return <Loading label="Opening the album" />;
  if (album.isError) {
    const gone = album.error instanceof ApiError && album.error.status === 404;
    return (
      <section className="page narrow" aria-labelledby="album-missing">
        <h1 id="album-missing">{gone ? 'No such album' : 'Album'}</h1>
        {gone ? (
          <p>It may have been deleted (its photos and videos are still in the gallery).</p>
        ) : (
          <ErrorNotice error={album.error} action="open the album" onRetry={() => void album.refetch()} />
        )}
        <p>
          <Link to="/albums">All albums</Link>
        </p>
      </section>
    );
  }
  return <AlbumView album={album.data} />;
}

function AlbumView({ album }: { album: Album }) {
  const [params] = useSearchParams();
  const query = libraryQueryFrom(params, { album: album.id });
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const update = useUpdateAlbum(album.id);
  const remove = useRemoveFromAlbum(album.id);
  const navigate = useNavigate();

  // `e` edits the name and description (when neither the viewer nor a dialog is open).
  const viewing = params.has('item');
  useEffect(() => {
    if (dialog || viewing) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'e' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.defaultPrevented || isTyping(event.target)) return;
      event.preventDefault();
      setDialog('edit');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog, viewing]);

  const selectionActions = (selection: Selection, report: (message: ReactNode) => void) => {
    const chosen = selection.ids;
    return (
      <>
        <button
          type="button"
          className="button subtle"
          disabled={chosen.length !== 1 || update.isPending}
          onClick={() =>
            update.mutate(
              { cover_media_id: chosen[0]! },
              {
                onSuccess: () => {
                  selection.end();
                  report('The cover is changed.');
                },
              },
            )
          }
        >
          Use as cover
        </button>
        <button
          type="button"
          className="button subtle"
          disabled={chosen.length === 0 || remove.isPending}
          onClick={() =>
            remove.mutate(chosen, {
              onSuccess: () => {
                selection.end();
                report(
                  `${chosen.length === 1 ? '1 item' : `${chosen.length.toLocaleString()} items`} removed from the album (still in the gallery).`,
                );
              },
            })
          }
        >
          Remove from album
        </button>
      </>
    );
  };

  return (
    <section className="page gallery-page album-page" aria-labelledby="album-title">
      <div className="page-heading">
        <div>
          <p className="breadcrumb">
            <Link to="/albums">Albums</Link>
          </p>
          <h1 id="album-title">{album.name}</h1>
          {album.description && <p className="album-description">{album.description}</p>}
        </div>
        <div className="album-actions">
          <button type="button" className="button subtle" title="Rename (e)" onClick={() => setDialog('edit')}>
            Rename
          </button>
          {album.cover_chosen && (
            <button
              type="button"
              className="button subtle"
              disabled={update.isPending}
              onClick={() => update.mutate({ cover_media_id: null })}
            >
              Default cover
            </button>
          )}
          <button type="button" className="button danger" onClick={() => setDialog('delete')}>
            Delete album
          </button>
        </div>
      </div>
      {(update.isError || remove.isError) && (
        <ErrorNotice error={update.error ?? remove.error} action="change the album" />
      )}
      <LibraryBrowser
        query={query}
        selectionActions={selectionActions}
        empty={
          <div className="empty-state">
            <h2>This album is empty</h2>
            <p>
              In the <Link to="/">gallery</Link>, select photos and videos and choose “Add to album”, or press a in the
              viewer.
            </p>
          </div>
        }
      />
      {dialog === 'edit' && (
        <AlbumFormDialog
          title="Rename the album"
          submitLabel="Save"
          initial={{ name: album.name, description: album.description }}
          pending={update.isPending}
          error={update.error}
          onClose={() => setDialog(null)}
          onSubmit={(fields) => update.mutate(fields, { onSuccess: () => setDialog(null) })}
        />
      )}
      {dialog === 'delete' && (
        <DeleteAlbumDialog album={album} onClose={() => setDialog(null)} onDeleted={() => void navigate('/albums')} />
      )}
    </section>
  );
}

function DeleteAlbumDialog({
  album,
  onClose,
  onDeleted,
}: {
  album: Album;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const remove = useDeleteAlbum(album.id);
  return (
    <Dialog title={`Delete “${album.name}”?`} onClose={onClose}>
      <p>The album goes for everyone in the household. Its photos and videos stay in the gallery.</p>
      {remove.isError && <ErrorNotice error={remove.error} action="delete the album" />}
      <div className="dialog-actions">
        <button type="button" className="button subtle" onClick={onClose}>
          Keep it
        </button>
        <button
          type="button"
          className="button danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate(undefined, { onSuccess: onDeleted })}
        >
          Delete album
        </button>
      </div>
    </Dialog>
  );
}
