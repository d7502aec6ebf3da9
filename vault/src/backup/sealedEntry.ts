import { writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  createSealer,
  NotSealedError,
  openSealedFile,
  openSealedStream,
  sealBuffer,
  SealedFileError,
  WrongKeyError,
  type KeyResolver,
  type SealingKey,
} from '../sealed/index.js';
import { writeSealedFile } from '../sealed/writeSealedFile.js';
import { OperatorError } from '@keepsake/platform';

/**
 * The archive's encrypted entries, in the same sealed format as the assets (chunked AES-GCM,
 * every chunk authenticated, truncation detected): no second format to get wrong.
 */
const resolverFor =
  (key: SealingKey): KeyResolver =>
  async (keyId) =>
    keyId === key.id ? key.key : undefined;

export async function sealEntryBuffer(file: string, key: SealingKey, data: Buffer): Promise<void> {
  await writeFile(file, await sealBuffer(data, key), { mode: 0o600 });
}

/** Seals a stream of any length into file without holding it in memory (the database dump). */
export async function sealEntryStream(file: string, key: SealingKey, plaintext: AsyncIterable<Buffer>): Promise<void> {
  await writeSealedFile(file, createSealer(key), plaintext, {});
}

export async function openEntryBuffer(file: string, key: SealingKey, name: string): Promise<Buffer> {
  return openSealedFile(file, resolverFor(key)).catch((error: unknown) => {
    throw refusal(error, file, name);
  });
}

export async function openEntryStream(file: string, key: SealingKey, name: string): Promise<Readable> {
  return openSealedStream(file, resolverFor(key)).catch((error: unknown) => {
    throw refusal(error, file, name);
  });
}

/** Whether the entry was sealed with this key (its header's key check), whatever else is wrong with it. */
export async function entryKeyMatches(file: string, key: SealingKey, name: string): Promise<boolean> {
  return openSealedFile(file, resolverFor(key)).then(
    () => true,
    (error: unknown) => {
      if (error instanceof WrongKeyError) return false;
      if (error instanceof SealedFileError && error.code !== 'NOT_SEALED') return true;
      throw refusal(error, file, name);
    },
  );
}

/** Authenticates every chunk of an entry, keeping none of it: proof before anything is changed. */
export async function verifyEntry(file: string, key: SealingKey, name: string): Promise<void> {
  try {
    for await (const piece of await openSealedStream(file, resolverFor(key))) void piece;
  } catch (error) {
    throw refusal(error, file, name);
  }
}

/**
 * Why an entry was refused, in the operator's words. The manifest has been authenticated with
 * the passphrase by then, so a wrong key means the entry is not the one the manifest describes.
 */
export function refusal(error: unknown, file: string, name: string): Error {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT')
    return new OperatorError(`refusing this backup: it has no ${name} (cut short or altered); nothing was restored`);
  if (!(error instanceof SealedFileError)) return error instanceof Error ? error : new Error(String(error));
  const detail = error.message.replaceAll(file, name);
  if (error instanceof NotSealedError)
    return new OperatorError(`refusing this backup: ${name} is not encrypted (replaced or altered)`);
  if (error instanceof WrongKeyError)
    return new OperatorError(`refusing this backup: ${name} does not belong to its manifest (swapped or altered)`);
  return new OperatorError(`refusing this backup: it was altered or is damaged (${detail}); nothing was restored`);
}
