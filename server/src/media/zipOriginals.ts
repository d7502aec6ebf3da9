import { once } from 'node:events';
import type { Readable } from 'node:stream';
import archiver, { type Archiver } from 'archiver';
import { companionOriginalPath } from '@keepsake/contracts';
import { livePairs, rawPairs, type MediaFile } from '@keepsake/database';
import { assetFile, openSealedAsset, type SealedDeps } from './openSealedAsset.js';
import { ZipEntryNames } from './zipEntryNames.js';

export interface ZipCallbacks {
  /** An item's original went into the zip whole. */
  included(item: MediaFile): void;
  /** An original could not be opened (missing or damaged file): say why in the server's log. */
  failed(item: MediaFile, error: unknown): void;
}

/** Why an item is not in the zip, for SKIPPED.txt. */
function skipReason(item: MediaFile): string | null {
  if (item.status !== 'completed') return 'not in the library (still processing or failed)';
  if (!item.original_path) return 'its original was not kept (KEEP_ORIGINALS=false)';
  return null;
}

/**
 * The items' originals as one zip (a JPEG's RAW of the same shot, a Live Photo's MOV beside it, under its own name), written while it is read: each original is decrypted straight
 * into the archive one after the other (stored, not compressed: photos and videos are compressed
 * already), so neither a temporary file nor a whole file in memory. Items without an original are
 * named in a SKIPPED.txt at the end.
 */
export function zipOriginals(deps: SealedDeps, items: readonly MediaFile[], callbacks: ZipCallbacks): Archiver {
  const archive = archiver('zip', { store: true });
  const stopped = new AbortController();
  archive.once('close', () => stopped.abort());
  archive.once('error', () => stopped.abort());
  addAll(archive, deps, items, callbacks, stopped.signal).catch((error: unknown) => {
    if (!stopped.signal.aborted) archive.destroy(error as Error);
  });
  return archive;
}

async function addAll(
  archive: Archiver,
  deps: SealedDeps,
  items: readonly MediaFile[],
  callbacks: ZipCallbacks,
  signal: AbortSignal,
): Promise<void> {
  const names = new ZipEntryNames();
  const skipped: string[] = [];
  for (const item of items) {
    const reason = skipReason(item);
    const original = reason ? null : await openOriginal(deps, item, callbacks);
    if (!original) {
      skipped.push(`${item.original_name}: ${reason ?? 'its original could not be read'}`);
      continue;
    }
    const date = item.taken_at ?? item.created_at;
    archive.append(original, { name: names.next(item.original_name), date });
    // One original at a time: the next file is opened only once this one is in the archive.
    await once(archive, 'entry', { signal });
    for (const companion of companionsOf(item)) {
      const stream = await openSealed(
        deps,
        item,
        companionOriginalPath(item.original_path!, companion.file),
        callbacks,
      );
      if (stream) {
        archive.append(stream, { name: names.next(companion.name), date });
        await once(archive, 'entry', { signal });
      } else skipped.push(`${companion.name}: the ${companion.what} kept with ${item.original_name} could not be read`);
    }
    callbacks.included(item);
  }
  if (skipped.length > 0) {
    archive.append(`Not in this download:\n${skipped.join('\n')}\n`, { name: names.next('SKIPPED.txt') });
  }
  await archive.finalize();
}

/** The second originals an item keeps: a RAW+JPEG shot's RAW, a Live Photo's MOV. */
function companionsOf(item: MediaFile): { name: string; file: string; what: string }[] {
  const raw = rawPairs.keptRawCompanion(item.metadata);
  const motion = livePairs.keptMotionSource(item.metadata);
  return [...(raw ? [{ ...raw, what: 'RAW' }] : []), ...(motion ? [{ ...motion, what: 'Live Photo MOV' }] : [])];
}

function openOriginal(deps: SealedDeps, item: MediaFile, callbacks: ZipCallbacks): Promise<Readable | null> {
  return openSealed(deps, item, item.original_path!, callbacks);
}

async function openSealed(
  deps: SealedDeps,
  item: MediaFile,
  relativePath: string,
  callbacks: ZipCallbacks,
): Promise<Readable | null> {
  const file = assetFile(deps.assetsDir, relativePath);
  if (!file) return null;
  try {
    return await openSealedAsset(deps, item.id, file);
  } catch (error) {
    callbacks.failed(item, error);
    return null;
  }
}
