import { UploadList } from './UploadList';
import { uploadStore } from './uploadStore';
import { useUploadProcessingNews, useUploads } from './useUploads';

/** This browser's uploads on the gallery page, while the dialog is closed too. */
export function UploadStrip() {
  useUploadProcessingNews();
  const entries = useUploads();
  if (entries.length === 0) return null;
  const active = entries.filter((e) => ['uploading', 'retrying', 'processing'].includes(e.status)).length;
  return (
    <section className="processing-strip upload-strip" aria-label="Uploads">
      <h2 className="strip-title">
        {active > 0 ? `Uploading ${active} ${active === 1 ? 'file' : 'files'}` : 'Uploads finished'}
        {active < entries.length && (
          <button type="button" className="link-button" onClick={() => uploadStore.clearFinished()}>
            Clear finished
          </button>
        )}
      </h2>
      <UploadList entries={entries} />
    </section>
  );
}
