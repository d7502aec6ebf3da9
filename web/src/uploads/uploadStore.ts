import type * as Tus from 'tus-js-client';
import { DUPLICATE_IN_TRASH_STAGE, DUPLICATE_STAGE } from '@keepsake/contracts';
import { accessToken, freshAccessToken } from '../api/apiFetch';
import type { ProgressEvent } from '../api/types';
import { refreshMayHelp } from '../api/sessionEnded';
import { addSample, bytesPerSecond, secondsLeft, type Sample } from './transferRate';

export type UploadStatus =
  | 'uploading'
  | 'retrying'
  | 'processing'
  | 'done'
  | 'duplicate'
  /** The same content is a trashed item (`mediaId`): it can be restored from here. */
  | 'duplicate_in_trash'
  /** That trashed item was restored from here. */
  | 'restored'
  | 'failed'
  | 'cancelled';

/** One file on its way: sending (bytes, speed, time left), then the processor's stage, then the end. */
export interface UploadEntry {
  key: string;
  name: string;
  size: number;
  sent: number;
  bytesPerSecond: number | null;
  secondsLeft: number | null;
  status: UploadStatus;
  /** Where the finished file waits in imports/ (the `file` of the processor's events). */
  importPath: string | null;
  stage: string | null;
  percent: number | null;
  mediaId: string | null;
  error: string | null;
  /** Resumed from an upload this browser began before (a reload, a closed tab). */
  resumed: boolean;
}

interface Settings {
  chunkBytes: number;
}

type Listener = () => void;

/** The server's error message from a tus failure (the API's error body), else a plain one. */
function messageOf(error: Error): string {
  const response = (error as Tus.DetailedError).originalResponse;
  if (response) {
    try {
      const body = JSON.parse(response.getBody()) as { error?: { message?: string } };
      if (body.error?.message) return body.error.message;
    } catch {
      // not the API's error body
    }
    return `The server refused the upload (${response.getStatus()}).`;
  }
  return 'The connection was lost; choose the file again to continue where it stopped.';
}

function errorCodeOf(error: Tus.DetailedError): string | null {
  try {
    const body = JSON.parse(error.originalResponse?.getBody() ?? '') as { error?: { code?: string } };
    return body.error?.code ?? null;
  } catch {
    return null;
  }
}

/** How a completed job ended: a new item, or the content was one already (in the library or the Trash). */
function finishedStatus(stage: string): UploadStatus {
  if (stage === DUPLICATE_STAGE) return 'duplicate';
  if (stage === DUPLICATE_IN_TRASH_STAGE) return 'duplicate_in_trash';
  return 'done';
}

/**
 * Refusals that will not change by asking again stop the upload; the rest (lost connection,
 * 5xx, 409/423, an expired access token) are retried. An ended session is not retried (the codes are the API client's: api/sessionEnded).
 */
function worthRetrying(error: Tus.DetailedError): boolean {
  const status = error.originalResponse?.getStatus() ?? 0;
  if (status === 401) return refreshMayHelp({ code: errorCodeOf(error) ?? '' });
  return status === 0 || status >= 500 || status === 409 || status === 423;
}

/**
 * Every upload of this tab, outside React so they keep going while pages change. tus-js-client
 * remembers each upload's URL by the file's fingerprint (name, type, size, date, in
 * localStorage), so a file chosen again after a reload continues from what the server has.
 */
class UploadStore {
  private entries: UploadEntry[] = [];
  private readonly uploads = new Map<string, Tus.Upload>();
  private readonly samples = new Map<string, Sample[]>();
  /** The processor's latest news per imports/ path, kept even before the upload's own answer arrives. */
  private readonly news = new Map<string, ProgressEvent>();
  private readonly listeners = new Set<Listener>();
  private counter = 0;

  list = (): UploadEntry[] => this.entries;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  add(files: Iterable<File>, settings: Settings): void {
    for (const file of files) void this.start(file, settings);
  }

  cancel(key: string): void {
    void this.uploads.get(key)?.abort(true);
    this.update(key, { status: 'cancelled', bytesPerSecond: null, secondsLeft: null });
  }

  /** The trashed item a duplicate named is back in the library. */
  restored(key: string): void {
    this.update(key, { status: 'restored' });
  }

  /** Finished or given-up entries leave the list. */
  clearFinished(): void {
    this.entries = this.entries.filter(
      (e) => e.status === 'uploading' || e.status === 'retrying' || e.status === 'processing',
    );
    this.notify();
  }

  /** The processor's progress events, matched to uploads by the file's place in imports/. */
  hear(event: ProgressEvent): void {
    this.news.set(event.file, event);
    if (this.news.size > 500) this.news.delete(this.news.keys().next().value!);
    const entry = this.entries.find((e) => e.importPath === event.file);
    if (entry) this.apply(entry.key, event);
  }

  private apply(key: string, event: ProgressEvent): void {
    if (event.status === 'failed') {
      this.update(key, { status: 'failed', error: event.error ?? 'Processing failed.', mediaId: event.mediaId });
    } else if (event.status === 'completed') {
      this.update(key, {
        status: finishedStatus(event.stage),
        mediaId: event.mediaId,
        percent: 100,
        stage: event.stage,
      });
    } else {
      this.update(key, { status: 'processing', stage: event.stage || 'waiting', percent: event.percent ?? null });
    }
  }

  private async start(file: File, settings: Settings): Promise<void> {
    const key = `u${++this.counter}`;
    this.entries = [...this.entries, blankEntry(key, file)];
    this.notify();
    // tus-js-client loads with the first upload, not with the gallery.
    const tus = await loadTus();
    let lastToken = '';
    let tokenRefused = false;
    const upload = new tus.Upload(file, {
      endpoint: '/api/uploads',
      chunkSize: settings.chunkBytes,
      metadata: { filename: file.name, filetype: file.type },
      // A phone that lost the network for a while: keep trying, ever more patiently.
      retryDelays: [0, 1_000, 3_000, 5_000, 10_000, 20_000, 30_000, 60_000, 60_000, 60_000],
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onBeforeRequest: async (request) => {
        lastToken = tokenRefused ? await freshAccessToken(lastToken) : await accessToken();
        tokenRefused = false;
        request.setHeader('Authorization', `Bearer ${lastToken}`);
      },
      onShouldRetry: (error) => {
        tokenRefused = error.originalResponse?.getStatus() === 401;
        const retry = worthRetrying(error);
        if (retry) this.update(key, { status: 'retrying', bytesPerSecond: null, secondsLeft: null });
        return retry;
      },
      onProgress: (sent, total) => {
        const samples = addSample(this.samples.get(key) ?? [], { at: performance.now(), bytes: sent });
        this.samples.set(key, samples);
        const rate = bytesPerSecond(samples);
        this.update(key, {
          status: 'uploading',
          sent,
          bytesPerSecond: rate,
          secondsLeft: secondsLeft(rate, total - sent),
        });
      },
      onSuccess: ({ lastResponse }) => {
        const importPath = lastResponse.getHeader('Keepsake-Import-Path') ?? null;
        this.uploads.delete(key);
        this.update(key, {
          status: importPath ? 'processing' : 'done',
          sent: file.size,
          importPath,
          stage: 'waiting',
          percent: 0,
          bytesPerSecond: null,
          secondsLeft: null,
        });
        const heard = importPath && this.news.get(importPath);
        if (heard) this.apply(key, heard);
      },
      onError: (error) => {
        this.uploads.delete(key);
        this.update(key, { status: 'failed', error: messageOf(error), bytesPerSecond: null, secondsLeft: null });
      },
    });
    this.uploads.set(key, upload);
    const previous = await upload.findPreviousUploads().catch(() => []);
    if (previous[0]) {
      upload.resumeFromPreviousUpload(previous[0]);
      this.update(key, { resumed: true });
    }
    upload.start();
  }

  private update(key: string, change: Partial<UploadEntry>): void {
    this.entries = this.entries.map((entry) => (entry.key === key ? { ...entry, ...change } : entry));
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

function blankEntry(key: string, file: File): UploadEntry {
  return {
    key,
    name: file.name,
    size: file.size,
    sent: 0,
    bytesPerSecond: null,
    secondsLeft: null,
    status: 'uploading',
    importPath: null,
    stage: null,
    percent: null,
    mediaId: null,
    error: null,
    resumed: false,
  };
}

export const uploadStore = new UploadStore();

const loadTus = () => import('tus-js-client');

/** Uploads this browser began and did not finish (a reload, a closed tab): choosing the files again resumes them. */
export async function unfinishedUploads(): Promise<{ name: string; size: number | null }[]> {
  const tus = await loadTus();
  const previous = await tus.defaultOptions.urlStorage.findAllUploads().catch(() => []);
  return previous.map((upload) => ({ name: upload.metadata.filename ?? 'a file', size: upload.size }));
}
