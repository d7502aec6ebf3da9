import { useProcessingProgress } from '../events/useProcessingProgress';
import { LibraryBrowser } from '../gallery/LibraryBrowser';
import { libraryQueryFrom } from '../gallery/librarySearch';
import { ProcessingStrip } from '../gallery/ProcessingStrip';
import { ContinueWatchingRow } from '../memories/ContinueWatchingRow';
import { OnThisDayStrip } from '../memories/OnThisDayStrip';
import { useSearchParams } from 'react-router';
import { UploadButton } from '../uploads/UploadButton';
import { uploadStore } from '../uploads/uploadStore';
import { UploadStrip } from '../uploads/UploadStrip';
import { useFileDrop } from '../uploads/useFileDrop';
import { useSharedFiles } from '../uploads/useSharedFiles';
import { useUploadSettings } from '../uploads/useUploads';
import '../styles/uploads.css';

/** The whole library, or (favourites) only the signed-in person's favourites. */
export function GalleryPage({ favourites = false }: { favourites?: boolean }) {
  const [params] = useSearchParams();
  const query = libraryQueryFrom(params, { favourites });
  const jobs = [...useProcessingProgress().values()];
  const uploadSettings = useUploadSettings().data;
  const drop = useFileDrop(
    (files) => uploadStore.add(files, { chunkBytes: uploadSettings!.chunk_bytes }),
    Boolean(uploadSettings?.can_upload),
  );
  useSharedFiles(uploadSettings);
  // Memories belong to the gallery's front page, not to a search, a filter or a jump back in time.
  const showsMemories = !favourites && !query.q && !query.from && query.type === 'all';

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
      <LibraryBrowser
        query={query}
        empty={favourites ? <NoFavourites /> : <EmptyLibrary filtered={query.type !== 'all'} />}
        toolbarActions={<UploadButton />}
      >
        <UploadStrip />
        <ProcessingStrip jobs={jobs} />
        {showsMemories && <OnThisDayStrip />}
        {showsMemories && <ContinueWatchingRow />}
      </LibraryBrowser>
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
