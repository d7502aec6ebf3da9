import { TAG, type TiffFile } from './readTiffIfds.js';

/** PhotometricInterpretation of sensor data: a colour filter array, or demosaiced linear raw (DNG). */
const CFA = 32_803;
const LINEAR_RAW = 34_892;
/** Nikon's compressed NEF sensor data. */
const NIKON_NEF = 34_713;

/** The MIME of a TIFF-structured RAW that file-type takes for a plain TIFF, by its maker. */
const makerMimes: [RegExp, string][] = [
  [/^nikon/i, 'image/x-nikon-nef'],
  [/^sony/i, 'image/x-sony-arw'],
  [/^(pentax|ricoh)/i, 'image/x-pentax-pef'],
  [/^samsung/i, 'image/x-samsung-srw'],
  [/^canon/i, 'image/x-canon-cr2'],
];

function sensorIfds(tiff: TiffFile) {
  return tiff.ifds.filter(({ tags }) => {
    const photometric = tags.get(TAG.photometric)?.[0];
    return photometric === CFA || photometric === LINEAR_RAW || tags.get(TAG.compression)?.[0] === NIKON_NEF;
  });
}

/**
 * The MIME of a camera RAW told by its TIFF structure (sensor data in one of its IFDs, or a
 * DNG version), or null for an ordinary TIFF. file-type recognises NEF and ARW only by a
 * first tag some cameras do not write, and PEF or SRW not at all; their thumbnails would
 * otherwise become the photo.
 */
export function rawMimeFromTiff(tiff: TiffFile): string | null {
  const isDng = tiff.ifds.some(({ tags }) => tags.has(TAG.dngVersion));
  if (isDng) return 'image/x-adobe-dng';
  if (sensorIfds(tiff).length === 0) return null;
  const make = tiff.ifds.find((ifd) => ifd.make)?.make ?? '';
  return makerMimes.find(([maker]) => maker.test(make))?.[1] ?? 'image/x-raw';
}

/** Fewer bytes than this per photosite is no sensor data (lossless ≥ 1 bit, lossy JPEG ≥ ~1/32). */
const MIN_BYTES_PER_PHOTOSITE = 1 / 1024;

function ranges(tags: Map<number, number[]>): { offsets: number[]; counts: number[] } {
  const offsets = tags.get(TAG.stripOffsets) ?? tags.get(TAG.tileOffsets) ?? [];
  const counts = tags.get(TAG.stripByteCounts) ?? tags.get(TAG.tileByteCounts) ?? [];
  return { offsets, counts };
}

/**
 * Why a TIFF-structured RAW holds no developable picture, in words for the admin page, or
 * null: its data runs past the end of the file (copied only in part), or its sensor IFD holds
 * a few bytes for millions of photosites (the data was stripped). LibRaw itself develops such
 * files without a word, into a black or striped picture.
 */
export function missingRawData(tiff: TiffFile): string | null {
  for (const { tags } of tiff.ifds) {
    const { offsets, counts } = ranges(tags);
    const end = Math.max(0, ...offsets.map((offset, i) => offset + (counts[i] ?? 0)));
    if (end > tiff.size) {
      return `RAW photo is cut short: its picture data ends at byte ${end}, the file at ${tiff.size} (was it copied completely?)`;
    }
  }
  for (const { tags } of sensorIfds(tiff)) {
    const width = tags.get(TAG.width)?.[0] ?? 0;
    const height = tags.get(TAG.height)?.[0] ?? 0;
    const bytes = ranges(tags).counts.reduce((sum, n) => sum + n, 0);
    if (width * height > 0 && bytes < width * height * MIN_BYTES_PER_PHOTOSITE) {
      return `RAW photo holds no picture data (${bytes} bytes for a ${width}×${height} sensor): the file is incomplete or its image was removed`;
    }
  }
  return null;
}
