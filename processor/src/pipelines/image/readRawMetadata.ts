import path from 'node:path';
import { runTool } from '../../ffmpeg/runTool.js';
import type { PhotoMetadata } from './readPhotoMetadata.js';

/** raw-identify -n: "make/model: =Canon/Canon EOS R5= ID: 0x…". */
const MAKE_MODEL = /^make\/model: =([^/=]*)\/([^=]*)=/m;
/** raw-identify -v: "Timestamp: Thu May  6 07:08:09 2021" (C's ctime, in local time like EXIF). */
const TIMESTAMP = /^Timestamp: (.+)$/m;

/**
 * Date taken and camera as LibRaw reads them, for the RAW formats exifr cannot parse (CR3 is
 * ISO-BMFF; RAF, ORF and RW2 open with their own magic instead of TIFF's). A file LibRaw cannot
 * identify has none.
 */
export async function readRawMetadata(file: string, signal?: AbortSignal): Promise<PhotoMetadata> {
  const input = path.resolve(file);
  const [names, verbose] = await Promise.all([
    runTool({ command: 'raw-identify', args: ['-n', input], signal }),
    runTool({ command: 'raw-identify', args: ['-v', input], signal }),
  ]);
  return parseRawIdentify(names.stdout, verbose.stdout);
}

export function parseRawIdentify(names: string, verbose: string): PhotoMetadata {
  const [, make, model] = MAKE_MODEL.exec(names)?.map((v) => v.trim().slice(0, 200)) ?? [];
  const stamp = TIMESTAMP.exec(verbose)?.[1];
  const date = stamp ? new Date(stamp) : null;
  // LibRaw reports 0 (1970) when the file has no date.
  const takenAt = date && !Number.isNaN(date.getTime()) && date.getFullYear() > 1970 ? date : null;
  const camera = make || model ? { ...(make ? { make } : {}), ...(model ? { model } : {}) } : null;
  return { takenAt, camera, contentIdentifier: null };
}
