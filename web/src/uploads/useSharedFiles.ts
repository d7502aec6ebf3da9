import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { takeSharedFiles } from './shareTarget';
import { uploadStore } from './uploadStore';

/** On `/?shared=1` (a share into Keepsake), uploads what was shared, then drops the mark from the address. */
export function useSharedFiles(settings: { can_upload: boolean; chunk_bytes: number } | undefined): void {
  const [params, setParams] = useSearchParams();
  const shared = params.has('shared');
  useEffect(() => {
    if (!shared || !settings) return;
    let cancelled = false;
    void takeSharedFiles().then((files) => {
      if (cancelled) return;
      if (settings.can_upload && files.length > 0) uploadStore.add(files, { chunkBytes: settings.chunk_bytes });
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.delete('shared');
          return next;
        },
        { replace: true },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [shared, settings, setParams]);
}
