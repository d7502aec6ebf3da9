/**
 * Just enough ISOBMFF to build the HEIC shapes an iPhone writes but Debian's heif-enc 1.15
 * cannot: grid-tiled images and an `irot` rotation. Tiles are coded by heif-enc; this moves
 * their HEVC data into a new file around a grid item (ISO/IEC 23008-12 §6.6.2.3).
 */
import fs from 'node:fs/promises';

interface Box {
  type: string;
  start: number;
  headerSize: number;
  end: number;
}

function readBoxes(buf: Buffer, start: number, end: number): Box[] {
  const boxes: Box[] = [];
  let pos = start;
  while (pos + 8 <= end) {
    let size = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    let headerSize = 8;
    if (size === 1) {
      size = Number(buf.readBigUInt64BE(pos + 8));
      headerSize = 16;
    } else if (size === 0) {
      size = end - pos;
    }
    boxes.push({ type, start: pos, headerSize, end: pos + size });
    pos += size;
  }
  return boxes;
}

function child(buf: Buffer, parent: Box, type: string, fullBox = false): Box {
  const found = readBoxes(buf, parent.start + parent.headerSize + (fullBox ? 4 : 0), parent.end).find(
    (b) => b.type === type,
  );
  if (!found) throw new Error(`HEIF: no ${type} box in ${parent.type}`);
  return found;
}

function readUInt(buf: Buffer, pos: number, bytes: number): number {
  return bytes === 0 ? 0 : bytes === 8 ? Number(buf.readBigUInt64BE(pos)) : buf.readUIntBE(pos, bytes);
}

/** The primary image of a single-image HEIC heif-enc wrote: its decoder config and coded data. */
export interface CodedImage {
  hvcC: Buffer;
  data: Buffer;
  width: number;
  height: number;
}

export async function readPrimaryImage(file: string): Promise<CodedImage> {
  const buf = await fs.readFile(file);
  const top = { type: 'file', start: 0, headerSize: 0, end: buf.length };
  const meta = child(buf, top, 'meta');
  const metaInner = { ...meta, headerSize: meta.headerSize + 4 };
  const pitm = child(buf, metaInner, 'pitm');
  const pitmVersion = buf[pitm.start + pitm.headerSize]!;
  const primary = readUInt(buf, pitm.start + pitm.headerSize + 4, pitmVersion === 0 ? 2 : 4);

  const iprp = child(buf, metaInner, 'iprp');
  const ipco = child(buf, iprp, 'ipco');
  const properties = readBoxes(buf, ipco.start + ipco.headerSize, ipco.end);
  const ipma = child(buf, iprp, 'ipma');
  let pos = ipma.start + ipma.headerSize;
  const ipmaVersion = buf[pos]!;
  const ipmaFlags = buf.readUIntBE(pos + 1, 3);
  pos += 4;
  const entries = buf.readUInt32BE(pos);
  pos += 4;
  let associated: number[] = [];
  for (let i = 0; i < entries; i++) {
    const itemId = readUInt(buf, pos, ipmaVersion < 1 ? 2 : 4);
    pos += ipmaVersion < 1 ? 2 : 4;
    const count = buf[pos++]!;
    const indexes: number[] = [];
    for (let j = 0; j < count; j++) {
      if (ipmaFlags & 1) {
        indexes.push(buf.readUInt16BE(pos) & 0x7fff);
        pos += 2;
      } else {
        indexes.push(buf[pos]! & 0x7f);
        pos += 1;
      }
    }
    if (itemId === primary) associated = indexes;
  }
  const props = associated.map((index) => properties[index - 1]!);
  const hvcCBox = props.find((p) => p.type === 'hvcC');
  const ispeBox = props.find((p) => p.type === 'ispe');
  if (!hvcCBox || !ispeBox) throw new Error('HEIF: primary item lacks hvcC or ispe');

  const iloc = child(buf, metaInner, 'iloc');
  pos = iloc.start + iloc.headerSize;
  const ilocVersion = buf[pos]!;
  pos += 4;
  const offsetSize = buf[pos]! >> 4;
  const lengthSize = buf[pos]! & 15;
  const baseOffsetSize = buf[pos + 1]! >> 4;
  const indexSize = ilocVersion > 0 ? buf[pos + 1]! & 15 : 0;
  pos += 2;
  const itemCount = readUInt(buf, pos, ilocVersion < 2 ? 2 : 4);
  pos += ilocVersion < 2 ? 2 : 4;
  let data: Buffer | undefined;
  for (let i = 0; i < itemCount; i++) {
    const itemId = readUInt(buf, pos, ilocVersion < 2 ? 2 : 4);
    pos += ilocVersion < 2 ? 2 : 4;
    if (ilocVersion > 0) pos += 2;
    pos += 2;
    const baseOffset = readUInt(buf, pos, baseOffsetSize);
    pos += baseOffsetSize;
    const extentCount = buf.readUInt16BE(pos);
    pos += 2;
    const extents: Buffer[] = [];
    for (let j = 0; j < extentCount; j++) {
      pos += indexSize;
      const offset = readUInt(buf, pos, offsetSize);
      pos += offsetSize;
      const length = readUInt(buf, pos, lengthSize);
      pos += lengthSize;
      extents.push(buf.subarray(baseOffset + offset, baseOffset + offset + length));
    }
    if (itemId === primary) data = Buffer.concat(extents);
  }
  if (!data) throw new Error('HEIF: primary item has no data');
  const ispeBody = ispeBox.start + ispeBox.headerSize + 4;
  return {
    hvcC: buf.subarray(hvcCBox.start, hvcCBox.end),
    data,
    width: buf.readUInt32BE(ispeBody),
    height: buf.readUInt32BE(ispeBody + 4),
  };
}

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(body.length + 8);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

function fullBox(type: string, version: number, flags: number, ...parts: Buffer[]): Buffer {
  const vf = Buffer.alloc(4);
  vf.writeUInt32BE(((version & 0xff) << 24) | (flags & 0xffffff));
  return box(type, vf, ...parts);
}

function u16(...values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 2);
  values.forEach((v, i) => b.writeUInt16BE(v, i * 2));
  return b;
}

function u32(...values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => b.writeUInt32BE(v, i * 4));
  return b;
}

function ispe(width: number, height: number): Buffer {
  return fullBox('ispe', 0, 0, u32(width, height));
}

export interface HeifLayout {
  /** Tiles in row-major order, all the same size. One tile and no grid writes a plain image. */
  tiles: CodedImage[];
  columns: number;
  rows: number;
  /** Output size; may crop the tiled area, as iPhone grids do. */
  width: number;
  height: number;
  /** Anticlockwise rotation the reader must apply (irot), in degrees. */
  rotation?: 0 | 90 | 180 | 270;
}

export async function writeHeif(file: string, layout: HeifLayout): Promise<void> {
  const grid = layout.tiles.length > 1;
  const tileIds = layout.tiles.map((_, i) => i + 1);
  const primaryId = grid ? layout.tiles.length + 1 : 1;

  // Properties: one hvcC per tile, the tile ispe, then the output ispe and irot.
  const properties: Buffer[] = layout.tiles.map((t) => t.hvcC);
  const tile = layout.tiles[0]!;
  properties.push(ispe(tile.width, tile.height));
  const tileIspeIndex = properties.length;
  let outputIspeIndex = tileIspeIndex;
  if (grid) {
    properties.push(ispe(layout.width, layout.height));
    outputIspeIndex = properties.length;
  }
  let irotIndex = 0;
  if (layout.rotation) {
    properties.push(box('irot', Buffer.from([layout.rotation / 90])));
    irotIndex = properties.length;
  }

  const associations: Buffer[] = [];
  tileIds.forEach((id, i) => {
    const indexes = [0x80 | (i + 1), tileIspeIndex];
    if (!grid && irotIndex) indexes.push(0x80 | irotIndex);
    associations.push(u16(id), Buffer.from([indexes.length, ...indexes]));
  });
  if (grid) {
    const indexes = [outputIspeIndex, ...(irotIndex ? [0x80 | irotIndex] : [])];
    associations.push(u16(primaryId), Buffer.from([indexes.length, ...indexes]));
  }
  const entryCount = tileIds.length + (grid ? 1 : 0);
  const ipma = fullBox('ipma', 0, 0, u32(entryCount), ...associations);
  const iprp = box('iprp', box('ipco', ...properties), ipma);

  const name = Buffer.from([0]);
  const infes = tileIds.map((id) =>
    // Tiles of a grid are hidden (flags = 1), as iPhones write them.
    fullBox('infe', 2, grid ? 1 : 0, u16(id, 0), Buffer.from('hvc1', 'latin1'), name),
  );
  if (grid) infes.push(fullBox('infe', 2, 0, u16(primaryId, 0), Buffer.from('grid', 'latin1'), name));
  const iinf = fullBox('iinf', 0, 0, u16(infes.length), ...infes);
  const iref = grid ? [fullBox('iref', 0, 0, box('dimg', u16(primaryId, tileIds.length, ...tileIds)))] : [];

  const gridData = grid
    ? Buffer.concat([Buffer.from([0, 0, layout.rows - 1, layout.columns - 1]), u16(layout.width, layout.height)])
    : Buffer.alloc(0);
  const payloads = [...layout.tiles.map((t) => t.data), ...(grid ? [gridData] : [])];
  const payloadIds = [...tileIds, ...(grid ? [primaryId] : [])];

  const ftyp = box('ftyp', Buffer.from('heic', 'latin1'), u32(0), Buffer.from('mif1heic', 'latin1'));
  const hdlr = fullBox('hdlr', 0, 0, u32(0), Buffer.from('pict', 'latin1'), u32(0, 0, 0), name);
  const pitm = fullBox('pitm', 0, 0, u16(primaryId));
  const buildMeta = (offsets: number[]) => {
    const items = payloadIds.map((id, i) => Buffer.concat([u16(id, 0, 1), u32(offsets[i]!, payloads[i]!.length)]));
    const iloc = fullBox('iloc', 0, 0, Buffer.from([0x44, 0x00]), u16(payloadIds.length), ...items);
    return fullBox('meta', 0, 0, hdlr, pitm, iinf, ...iref, iprp, iloc);
  };
  // The meta box's size does not depend on the offset values, so measure it once with zeros.
  const metaSize = buildMeta(payloads.map(() => 0)).length;
  let offset = ftyp.length + metaSize + 8;
  const offsets = payloads.map((p) => {
    const at = offset;
    offset += p.length;
    return at;
  });
  await fs.writeFile(file, Buffer.concat([ftyp, buildMeta(offsets), box('mdat', ...payloads)]));
}
