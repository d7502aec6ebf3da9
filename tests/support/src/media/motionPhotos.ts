import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateHeic, generateImage } from './generateImage.js';
import { generateVideo } from './generateVideo.js';

export type MotionPhotoLayout = 'microvideo' | 'motionphoto' | 'samsung';

export interface MotionPhotoSpec {
  file: string;
  width: number;
  height: number;
  layout: MotionPhotoLayout;
  /** Motion Photo 1.0: bytes between the JPEG's EOI and the clip, declared as the primary's `Item:Padding`. */
  padding?: number;
  /**
   * Samsung: the XMP a Galaxy writes beside its trailer. Its numbers count from the end of the
   * file, trailer included: MicroVideoOffset points at the trailer block's header, not at the clip;
   * the Motion Photo directory's video length runs on over the trailer.
   */
  samsungXmp?: 'microvideo' | 'motionphoto';
  /** What the XMP states instead of the true values, for hostile files (attribute name → text). */
  xmp?: Partial<Record<'MicroVideoOffset' | 'MotionPhoto' | 'Length' | 'Padding', string>>;
  /** The clip's own bytes instead of a fresh ffmpeg MP4. */
  clip?: Buffer;
  /**
   * `heic`: a HEIC still (heif-enc) with the clip in a top-level `mpvd` box after it, as
   * Galaxy phones write it (layout `motionphoto`; no XMP is written into the HEIC).
   */
  format?: 'jpeg' | 'heic';
}

export interface MotionPhotoFile {
  file: string;
  /** The clip as written, and where it lies in the file. */
  clip: Buffer;
  videoStart: number;
  /** The still alone (the JPEG before the XMP went in, or the HEIC). */
  jpegBytes: number;
}

const GCAMERA = 'http://ns.google.com/photos/1.0/camera/';
const CONTAINER = 'http://ns.google.com/photos/1.0/container/';
const ITEM = 'http://ns.google.com/photos/1.0/container/item/';

/** The XMP packet Google Camera writes, with the MicroVideo or Motion Photo 1.0 properties. */
function xmpPacket(kind: 'microvideo' | 'motionphoto', values: Record<string, string>): string {
  const camera =
    kind === 'microvideo'
      ? `GCamera:MicroVideoVersion="1" GCamera:MicroVideo="1" GCamera:MicroVideoOffset="${values.MicroVideoOffset}" GCamera:MicroVideoPresentationTimestampUs="500000"`
      : `GCamera:MotionPhoto="${values.MotionPhoto}" GCamera:MotionPhotoVersion="1" GCamera:MotionPhotoPresentationTimestampUs="500000"`;
  const directory =
    kind === 'microvideo'
      ? ''
      : `<Container:Directory><rdf:Seq>` +
        `<rdf:li rdf:parseType="Resource"><Container:Item Item:Mime="image/jpeg" Item:Semantic="Primary" Item:Length="0" Item:Padding="${values.Padding}"/></rdf:li>` +
        `<rdf:li rdf:parseType="Resource"><Container:Item Item:Mime="video/mp4" Item:Semantic="MotionPhoto" Item:Length="${values.Length}"/></rdf:li>` +
        `</rdf:Seq></Container:Directory>`;
  return (
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>` +
    `<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 5.1.0-jc003">` +
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
    `<rdf:Description rdf:about="" xmlns:GCamera="${GCAMERA}" xmlns:Container="${CONTAINER}" xmlns:Item="${ITEM}" ${camera}>` +
    directory +
    `</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`
  );
}

/** The JPEG with an XMP APP1 segment (`http://ns.adobe.com/xap/1.0/`) right after its SOI. */
function withXmp(jpeg: Buffer, packet: string): Buffer {
  const body = Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(packet, 'utf8')]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, body, jpeg.subarray(2)]);
}

/**
 * Samsung's trailer as ExifTool reads it: a block `00 00 30 0A`, the name length and
 * `MotionPhoto_Data`, the clip; then the `SEFH` directory pointing back at the block, its
 * length and `SEFT` (all little-endian).
 */
function samsungTrailer(clip: Buffer): { blockHeader: Buffer; after: Buffer } {
  const name = Buffer.from('MotionPhoto_Data', 'latin1');
  const blockHeader = Buffer.alloc(8);
  blockHeader.writeUInt16LE(0x0a30, 2);
  blockHeader.writeUInt32LE(name.length, 4);
  const blockSize = 8 + name.length + clip.length;
  const dir = Buffer.alloc(24);
  dir.write('SEFH', 0, 'latin1');
  dir.writeUInt32LE(106, 4);
  dir.writeUInt32LE(1, 8);
  dir.writeUInt16LE(0x0a30, 14);
  dir.writeUInt32LE(blockSize, 16);
  dir.writeUInt32LE(blockSize, 20);
  const end = Buffer.alloc(8);
  end.writeUInt32LE(dir.length, 0);
  end.write('SEFT', 4, 'latin1');
  return { blockHeader: Buffer.concat([blockHeader, name]), after: Buffer.concat([dir, end]) };
}

async function makeClip(): Promise<Buffer> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-motion-'));
  try {
    const file = await generateVideo({ file: path.join(work, 'clip.mp4'), width: 160, height: 120, seconds: 1 });
    return await fs.readFile(file);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/**
 * A motion photo to the published layouts, with no binary fixture: a JPEG made by sharp, a
 * 1 s MP4 made by ffmpeg appended, and the XMP (Google's MicroVideo or Motion Photo 1.0) or
 * Samsung's trailer that says where it is.
 */
export async function writeMotionPhoto(spec: MotionPhotoSpec): Promise<MotionPhotoFile> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-motion-'));
  let jpeg: Buffer;
  try {
    const { width, height } = spec;
    const still =
      spec.format === 'heic'
        ? await generateHeic({ file: path.join(work, 'still.heic'), width, height })
        : await generateImage({ file: path.join(work, 'still.jpg'), width, height, format: 'jpeg' });
    jpeg = await fs.readFile(still);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
  const clip = spec.clip ?? (await makeClip());
  await fs.mkdir(path.dirname(spec.file), { recursive: true });
  if (spec.format === 'heic') {
    const box = Buffer.alloc(8);
    box.writeUInt32BE(8 + clip.length, 0);
    box.write('mpvd', 4, 'latin1');
    await fs.writeFile(spec.file, Buffer.concat([jpeg, box, clip]));
    return { file: spec.file, clip, videoStart: jpeg.length + 8, jpegBytes: jpeg.length };
  }
  const padding = Buffer.alloc(spec.padding ?? 0);
  const samsung = spec.layout === 'samsung' ? samsungTrailer(clip) : null;
  // What lies between the JPEG's EOI and the clip, and after the clip.
  const before = samsung ? samsung.blockHeader : padding;
  const after = samsung ? samsung.after : Buffer.alloc(0);
  const kind = spec.layout === 'samsung' ? spec.samsungXmp : spec.layout;
  const values: Record<string, string> = {
    // Counted from the end of the file: for Samsung, from the block header on.
    MicroVideoOffset: String(before.length * (samsung ? 1 : 0) + clip.length + after.length),
    MotionPhoto: '1',
    Length: String(clip.length + after.length),
    Padding: String(before.length),
    ...spec.xmp,
  };
  const still = kind ? withXmp(jpeg, xmpPacket(kind, values)) : jpeg;
  await fs.writeFile(spec.file, Buffer.concat([still, before, clip, after]));
  return { file: spec.file, clip, videoStart: still.length + before.length, jpegBytes: jpeg.length };
}
