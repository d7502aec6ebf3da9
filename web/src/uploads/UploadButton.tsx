import { useState } from 'react';
import { UploadDialog } from './UploadDialog';
import { useUploadSettings } from './useUploads';

/** The gallery's Upload button, for those allowed to upload (admins; members unless MEMBERS_CAN_UPLOAD is off). */
export function UploadButton() {
  const settings = useUploadSettings();
  const [open, setOpen] = useState(false);
  if (!settings.data?.can_upload) return null;
  return (
    <>
      <button type="button" className="button primary" onClick={() => setOpen(true)}>
        Upload
      </button>
      {open && <UploadDialog chunkBytes={settings.data.chunk_bytes} onClose={() => setOpen(false)} />}
    </>
  );
}
