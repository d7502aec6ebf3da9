import fs from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { trickplayTileAt, type TrickplayIndex } from '@keepsake/contracts';
import { type MediaFile } from '@keepsake/database';
import { readSealedHeader } from '@keepsake/vault';
import { createProcessingEnv, findPlaintextMedia, generateVideo, runTool, type ProcessingEnv } from '@keepsake/testkit';
import { rotateKeys } from '../../../rotation/rotateKeys.js';

// Low frame rates and small sizes keep the ladder cheap; lengths are what the rule is about.
const clips = {
  // 25 s: one frame a second (the shortest spacing), one sheet.
  'hue-25s.mp4': { width: 320, height: 180, seconds: 25, fps: 2, hueSweep: true, audio: false },
  // 450 s: about 200 frames (2.3 s apart), so two sheets, the second partly filled.
  'long-450s.mp4': { width: 160, height: 90, seconds: 450, fps: 1, audio: false },
  'portrait.mp4': { width: 320, height: 180, seconds: 3, fps: 4, rotate: 90, audio: false },
} as const;

let env: ProcessingEnv;
let sources: string;
const media = new Map<string, MediaFile>();

beforeAll(async () => {
  env = await createProcessingEnv({ workers: 2 });
  sources = await fs.mkdtemp(path.join(env.importsDir, '..', 'sources-'));
  for (const [name, spec] of Object.entries(clips)) {
    await generateVideo({ ...spec, file: path.join(sources, name) });
    await fs.copyFile(path.join(sources, name), path.join(env.importsDir, name));
  }
  const summary = await env.processor().runOnce();
  expect(summary.completed).toBe(Object.keys(clips).length);
  for (const row of await env.t.db.selectFrom('media_files').selectAll().execute()) media.set(row.original_name, row);
}, 240_000);

afterAll(async () => env?.close());

async function indexOf(name: string): Promise<TrickplayIndex> {
  return JSON.parse((await env.openSealed(media.get(name)!.trickplay_path!)).toString('utf8')) as TrickplayIndex;
}

const sheetPath = (name: string, file: string) => path.join(media.get(name)!.asset_dir!, file);

/** The mean colour of a region of a picture, as [r, g, b]. */
async function meanColour(picture: Sharp): Promise<number[]> {
  // stats() reads the input, so the region is cut out first.
  const { channels } = await sharp(await picture.png().toBuffer()).stats();
  return channels.slice(0, 3).map((c) => c.mean);
}

describe('seek-bar previews', () => {
  test('the interval follows the length: 1 s for 25 s, about 200 frames for 450 s, at least one per 10 s', async () => {
    const short = await indexOf('hue-25s.mp4');
    expect(short.interval).toBe(1);
    expect(short.count).toBeGreaterThanOrEqual(24);
    expect(short.count).toBeLessThanOrEqual(26);
    expect(short.sheets.map((s) => s.count)).toEqual([short.count]);

    const long = await indexOf('long-450s.mp4');
    expect(long.interval).toBe(2.3);
    expect(long.count).toBeLessThanOrEqual(200);
    expect(long.count * long.interval).toBeGreaterThanOrEqual(450 - 10);
    expect(long.sheets.map((s) => [s.first, s.count])).toEqual([
      [0, 100],
      [100, long.count - 100],
    ]);
    expect(long.sheets[1]!.start).toBeCloseTo(230, 3);
  });

  test('tiles are 160 px on their long side, keeping the picture upright (portrait stays portrait)', async () => {
    const landscape = await indexOf('hue-25s.mp4');
    expect([landscape.tileWidth, landscape.tileHeight]).toEqual([160, 90]);
    const portrait = await indexOf('portrait.mp4');
    expect([portrait.tileWidth, portrait.tileHeight]).toEqual([90, 160]);
    const sheet = await sharp(await env.openSealed(sheetPath('portrait.mp4', portrait.sheets[0]!.file))).metadata();
    expect([sheet.format, sheet.width, sheet.height]).toEqual(['webp', 900, 1600]);
  });

  test('sheets and index are sealed on disk: no image or JSON bytes, nothing plaintext under assets/', async () => {
    for (const name of Object.keys(clips)) {
      const item = media.get(name)!;
      expect(item.trickplay_path).toBe(`${item.asset_dir}/trickplay.json.sealed`);
      const index = await indexOf(name);
      for (const sheet of index.sheets) {
        const onDisk = await fs.readFile(path.join(env.assetsDir, sheetPath(name, sheet.file)));
        expect(onDisk.subarray(0, 4).toString('latin1')).not.toBe('RIFF');
        await expect(sharp(onDisk).metadata()).rejects.toThrow();
      }
      const rawIndex = await fs.readFile(path.join(env.assetsDir, item.trickplay_path!), 'utf8');
      expect(rawIndex).not.toContain('interval');
    }
    expect(await findPlaintextMedia(env.assetsDir)).toEqual([]);
  });

  test('the tile of a moment shows that moment (its colour matches the frame ffmpeg takes from the source)', async () => {
    const index = await indexOf('hue-25s.mp4');
    const sheet = await env.openSealed(sheetPath('hue-25s.mp4', index.sheets[0]!.file));
    for (const seconds of [0, 6, 12.5, 19]) {
      const tile = trickplayTileAt(index, seconds)!;
      const shown = await meanColour(
        sharp(sheet).extract({ left: tile.x, top: tile.y, width: index.tileWidth, height: index.tileHeight }),
      );
      const frame = path.join(sources, `frame-${seconds}.png`);
      await runTool('ffmpeg', [
        ...['-v', 'error', '-ss', String(tile.time), '-i', path.join(sources, 'hue-25s.mp4')],
        ...['-frames:v', '1', '-y', frame],
      ]);
      const source = await meanColour(sharp(frame));
      shown.forEach((channel, i) =>
        expect(Math.abs(channel - source[i]!), `${seconds} s channel ${i}`).toBeLessThan(30),
      );
    }
  });

  test('key rotation re-seals the sheets and the index under the new storage key', async () => {
    const before = media.get('portrait.mp4')!;
    const index = await indexOf('portrait.mp4');
    const sheetBefore = await env.openSealed(sheetPath('portrait.mp4', index.sheets[0]!.file));
    const deps = { db: env.t.db, keyStore: env.keyStore, assetsDir: env.assetsDir, graceHours: 24 };
    const summary = await rotateKeys({ ...deps, logger: pino({ level: 'silent' }) }, { only: before.id });
    expect(summary).toMatchObject({ rotated: 1, failed: [] });
    const after = await env.t.db
      .selectFrom('media_files')
      .selectAll()
      .where('id', '=', before.id)
      .executeTakeFirstOrThrow();
    media.set('portrait.mp4', after);
    expect(after.storage_key_id).not.toBe(before.storage_key_id);
    expect(after.trickplay_path).toMatch(/\/g2\/trickplay\.json\.sealed$/);
    expect(await indexOf('portrait.mp4')).toEqual(index);
    const sheetFile = path.join(env.assetsDir, sheetPath('portrait.mp4', index.sheets[0]!.file));
    expect((await readSealedHeader(sheetFile)).keyId).toBe(after.storage_key_id);
    expect((await env.openSealed(sheetPath('portrait.mp4', index.sheets[0]!.file))).equals(sheetBefore)).toBe(true);
  });
});
