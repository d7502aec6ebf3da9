import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { fetchUploadSettings } from '../api/uploads';
import { parseProgress, useServerEvents } from '../events/ServerEvents';
import { uploadStore, type UploadEntry } from './uploadStore';

export function useUploads(): UploadEntry[] {
  return useSyncExternalStore(uploadStore.subscribe, uploadStore.list);
}

/** Whether this person may upload, and the chunk size the server wants (GET /api/uploads). */
export function useUploadSettings() {
  return useQuery({ queryKey: ['upload-settings'], queryFn: fetchUploadSettings, staleTime: 5 * 60_000 });
}

/** Passes the processor's progress to the uploads, so each shows its processing stage and how it ended. */
export function useUploadProcessingNews(): void {
  useServerEvents((event) => {
    const progress = parseProgress(event);
    if (progress) uploadStore.hear(progress);
  });
}
