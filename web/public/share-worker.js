// Keepsake's service worker: it receives photos shared from other apps (Web Share Target) and
// does nothing else. It caches nothing — no app shell, no media, no API answer — and leaves
// every other request to the network, so no decrypted picture lingers in the browser.
'use strict';

/** Files of the last share, held in memory only until the page takes them. */
let shared = [];

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'POST' || url.origin !== self.location.origin || url.pathname !== '/share-target')
    return;
  event.respondWith(
    (async () => {
      const form = await event.request.formData();
      shared = form.getAll('media').filter((item) => typeof item !== 'string');
      return Response.redirect('/?shared=1', 303);
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data !== 'keepsake:take-shared-files') return;
  const files = shared;
  shared = [];
  event.source?.postMessage({ type: 'keepsake:shared-files', files });
});
