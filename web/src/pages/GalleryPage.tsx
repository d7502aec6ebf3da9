import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { MediaItem } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useProcessingProgress } from '../events/useProcessingProgress';
import { monthGrouping } from '../gallery/buildRows';
import { GalleryGrid } from '../gallery/GalleryGrid';
import { GalleryToolbar } from '../gallery/GalleryToolbar';
import { libraryQueryFrom } from '../gallery/librarySearch';
import { ProcessingStrip } from '../gallery/ProcessingStrip';
import { useLibrary } from '../gallery/useLibrary';
import { NoMatches } from '../search/NoMatches';
import { SearchBox } from '../search/SearchBox';
import { UploadButton } from '../uploads/UploadButton';
import { uploadStore } from '../uploads/uploadStore';
import { UploadStrip } from '../uploads/UploadStrip';
import { useFileDrop } from '../uploads/useFileDrop';
import { useSharedFiles } from '../uploads/useSharedFiles';
import { useUploadSettings } from '../uploads/useUploads';
import '../styles/uploads.css';
import '../styles/gallery.css';

const Viewer = lazy(() => import('../viewer/Viewer'));

/** The whole library, or (favourites) only the signed-in person's favourites. */
export function GalleryPage({ favourites = false }: { favourites?: boolean }) {
  const [params, setParams] = useSearchParams();
  const query = libraryQueryFrom(params, favourites);
  const library = useLibrary(query);
  const jobs = [...useProcessingProgress().values()];
  const openId = params.get('item');
  const uploadSettings = useUploadSettings().data;
  const drop = useFileDrop(
    (files) => uploadStore.add(files, { chunkBytes: uploadSettings!.chunk_bytes }),
    Boolean(uploadSettings?.can_upload),
  );
  useSharedFiles(uploadSettings);

  const grouping = useMemo(() => {
    if (query.sort === 'name') return null;
    return monthGrouping((item) => (query.sort === 'taken' ? (item.taken_at ?? item.created_at) : item.created_at));
  }, [query.sort]);

  const linkTo = useCallback(
    (item: MediaItem) => {
      const next = new URLSearchParams(params);
      next.set('item', item.id);
      return { search: `?${next}` };
    },
    [params],
  );

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = library;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const change = (update: { type?: string; sort?: string }) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(update)) next.set(key, value);
    next.delete('item');
    setParams(next);
  };

  const search = useCallback(
    (q: string, { replace }: { replace: boolean }) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (q) next.set('q', q);
          else next.delete('q');
          next.delete('item');
          return next;
        },
        { replace },
      ),
    [setParams],
  );

  const showItem = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('item', id);
    else next.delete('item');
    // Moving between items replaces history; closing goes back to the gallery entry.
    setParams(next, { replace: Boolean(id && openId) });
  };

  return (
    <section
      className="page gallery-page"
      aria-labelledby="gallery-title"
      data-drop-over={drop.over || undefined}
      {...drop.handlers}
    >
      <h1 id="gallery-title" className={favourites ? undefined : 'visually-hidden'}>
        {favourites ? 'Favourites' : 'Gallery'}
      </h1>
      <GalleryToolbar
        query={query}
        total={library.data ? library.total : null}
        onChange={change}
        search={<SearchBox value={query.q ?? ''} onSearch={search} />}
        actions={<UploadButton />}
      />
      <UploadStrip />
      <ProcessingStrip jobs={jobs} />
      {library.isPending ? (
        <Loading label="Loading your library" />
      ) : library.isError ? (
        <ErrorNotice error={library.error} action="load your library" onRetry={() => void library.refetch()} />
      ) : library.items.length === 0 ? (
        query.q ? (
          <NoMatches q={query.q} onClear={() => search('', { replace: false })} />
        ) : favourites ? (
          <NoFavourites />
        ) : (
          <EmptyLibrary filtered={query.type !== 'all'} />
        )
      ) : (
        <GalleryGrid
          items={library.items}
          grouping={grouping}
          linkTo={linkTo}
          hasMore={Boolean(hasNextPage)}
          loadMore={loadMore}
        />
      )}
      {isFetchingNextPage && <Loading label="Loading more" />}
      {openId && (
        <Suspense fallback={<Loading label="Opening" />}>
          <Viewer
            id={openId}
            items={library.items}
            onShow={showItem}
            onClose={() => showItem(null)}
            onNearEnd={loadMore}
          />
        </Suspense>
      )}
    </section>
  );
}

function EmptyLibrary({ filtered }: { filtered: boolean }) {
  return (
    <div className="empty-state">
      <h2>{filtered ? 'Nothing of this kind yet' : 'No photos or videos yet'}</h2>
      <p>
        Add them with the <strong>Upload</strong> button, or drag them onto this page. Drop files into the{' '}
        <strong>imports</strong> folder on the Keepsake computer, too: they appear here, encrypted and ready to view, as
        soon as they are processed.
      </p>
      {filtered && <p className="muted">Or choose “All” above to see everything.</p>}
    </div>
  );
}

function NoFavourites() {
  return (
    <div className="empty-state">
      <h2>No favourites yet</h2>
      <p>
        Tap the heart on a photo or video (or press f in the viewer) to keep it here. Your favourites are yours alone.
      </p>
    </div>
  );
}
