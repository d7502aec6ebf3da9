import { apiFetch } from './apiFetch';

/** A short-lived signed URL of one zip of the items' originals, streamed by the server. */
export async function prepareZipDownload(ids: string[]): Promise<string> {
  return (await apiFetch<{ url: string }>('/api/media/download', { method: 'POST', body: { ids } })).url;
}
