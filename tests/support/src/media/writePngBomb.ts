import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import zlib from 'node:zlib';

function crc32(buf: Buffer): number {
  return zlib.crc32(buf);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A valid, tiny PNG that decodes to width × height grey pixels: a decompression bomb.
 * Written by hand because no encoder should be asked to hold 900 megapixels.
 */
export async function writePngBomb(file: string, width = 30000, height = 30000): Promise<string> {
  const out = createWriteStream(file);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  out.write(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  out.write(chunk('IHDR', ihdr));
  // Every row is a filter byte and zeros; deflate folds the whole image into about a megabyte.
  const deflate = zlib.createDeflate({ level: 9 });
  const compressed: Buffer[] = [];
  deflate.on('data', (d: Buffer) => compressed.push(d));
  const rowsPerBlock = 256;
  const block = Buffer.alloc((width + 1) * rowsPerBlock);
  for (let row = 0; row < height; row += rowsPerBlock) {
    const rows = Math.min(rowsPerBlock, height - row);
    if (!deflate.write(block.subarray(0, (width + 1) * rows))) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  out.write(chunk('IDAT', Buffer.concat(compressed)));
  out.write(chunk('IEND', Buffer.alloc(0)));
  out.end();
  await once(out, 'finish');
  return file;
}
