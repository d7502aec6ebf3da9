/**
 * Web Share Target (Android's Share → Keepsake): the manifest sends shared photos as a POST to
 * /share-target, which only a service worker can receive in a browser (the server would see no
 * access token). public/share-worker.js holds the files in memory, sends the tab to `/?shared=1`,
 * and hands them over when asked; the gallery uploads them like picked files. The worker caches nothing.
 */
export function registerShareWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/share-worker.js', { scope: '/' }).catch(() => {
    // Without it sharing into Keepsake is unavailable; everything else works the same.
  });
}

/** The files the share worker received, once (an empty list when there are none). */
export async function takeSharedFiles(): Promise<File[]> {
  if (!('serviceWorker' in navigator)) return [];
  const registration = await navigator.serviceWorker.ready;
  const worker = navigator.serviceWorker.controller ?? registration.active;
  if (!worker) return [];
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent<{ type?: string; files?: File[] }>) => {
      if (event.data?.type !== 'keepsake:shared-files') return;
      navigator.serviceWorker.removeEventListener('message', onMessage);
      resolve(event.data.files ?? []);
    };
    navigator.serviceWorker.addEventListener('message', onMessage);
    worker.postMessage('keepsake:take-shared-files');
  });
}
