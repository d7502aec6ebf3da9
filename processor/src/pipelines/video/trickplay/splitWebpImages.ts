/**
 * ffmpeg's image2pipe writes WebP images back to back; each is a RIFF file that states its own
 * length, so the stream splits exactly (no marker scanning).
 */
export function splitWebpImages(stream: Buffer): Buffer[] {
  const images: Buffer[] = [];
  let at = 0;
  while (at < stream.length) {
    if (stream.length - at < 12 || stream.toString('latin1', at, at + 4) !== 'RIFF') {
      throw new Error(`trickplay sheets: no WebP image at byte ${at}`);
    }
    const size = stream.readUInt32LE(at + 4);
    const end = at + 8 + size + (size & 1);
    if (end > stream.length || stream.toString('latin1', at + 8, at + 12) !== 'WEBP') {
      throw new Error(`trickplay sheets: a cut WebP image at byte ${at}`);
    }
    images.push(stream.subarray(at, at + 8 + size));
    at = end;
  }
  return images;
}
