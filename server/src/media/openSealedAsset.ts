import path from 'node:path';
import type { Readable } from 'node:stream';
import { bindingFor, openSealedStream, storageKeyResolver, type ByteRange, type KeyStore } from '@keepsake/vault';

export interface SealedDeps {
  assetsDir: string;
  keyStore: KeyStore;
}

/** The absolute path of a file under ASSETS_DIR, or null when the stored path would leave it. */
export function assetFile(assetsDir: string, relativePath: string): string | null {
  const file = path.resolve(assetsDir, relativePath);
  return file.startsWith(assetsDir + path.sep) ? file : null;
}

/** The plaintext of one item's sealed file, checked against the item and the file's own name. */
export function openSealedAsset(deps: SealedDeps, mediaId: string, file: string, range?: ByteRange): Promise<Readable> {
  const binding = bindingFor(mediaId, path.basename(file));
  return openSealedStream(file, storageKeyResolver(deps.keyStore), range, { binding });
}
