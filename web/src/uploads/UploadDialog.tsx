import { useEffect, useId, useRef, useState } from 'react';
import { UploadList } from './UploadList';
import { unfinishedUploads, uploadStore } from './uploadStore';
import { useUploads } from './useUploads';

interface Props {
  chunkBytes: number;
  onClose: () => void;
}

/**
 * Choose photos and videos (on phones the picker reaches the camera roll) and follow each one.
 * Closing it does not stop anything: the uploads go on, shown in the gallery's upload strip.
 */
export function UploadDialog({ chunkBytes, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const entries = useUploads();
  const [unfinished, setUnfinished] = useState<{ name: string }[]>([]);

  useEffect(() => {
    dialog.current?.showModal();
    void unfinishedUploads().then(setUnfinished);
  }, []);

  return (
    <dialog ref={dialog} className="upload-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>Upload photos and videos</h2>
      <p className="muted">
        Large videos are sent in pieces: if the connection drops or the page reloads, choose the same file again and it
        continues where it stopped. You can also drop files onto the gallery.
      </p>
      {unfinished.length > 0 && entries.length === 0 && (
        <p className="upload-unfinished">
          Not finished yet: {unfinished.map((u) => u.name).join(', ')}. Choose them again to continue.
        </p>
      )}
      <label className="button primary upload-pick">
        Choose files
        <input
          type="file"
          multiple
          accept="image/*,video/*"
          className="visually-hidden"
          onChange={(event) => {
            if (event.target.files) uploadStore.add(Array.from(event.target.files), { chunkBytes });
            event.target.value = '';
          }}
        />
      </label>
      {entries.length > 0 && <UploadList entries={entries} />}
      <div className="dialog-actions">
        {entries.some((e) => !['uploading', 'retrying', 'processing'].includes(e.status)) && (
          <button type="button" className="button" onClick={() => uploadStore.clearFinished()}>
            Clear finished
          </button>
        )}
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
