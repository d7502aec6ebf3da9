import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MediaFile } from '@keepsake/database';
import {
  createProcessingEnv,
  decodeHlsVariant,
  ffprobeSeesVideo,
  findPlaintextMedia,
  generateVideo,
  type ProcessingEnv,
  type VideoSpec,
} from '@keepsake/testkit';
import type { RunSummary } from '../../createProcessor.js';

type Clip = Omit<VideoSpec, 'file'> & { name: string; displayShortSide: number; portrait?: boolean };

// Tiny frame rates keep generation and the ladder cheap on two cores; sizes are the real ones.
const clips: Clip[] = [
  { name: 'landscape-1080p.mp4', width: 1920, height: 1080, seconds: 12, fps: 4, displayShortSide: 1080 },
  {
    name: 'portrait-rotated.mp4',
    width: 1280,
    height: 720,
    seconds: 3,
    fps: 5,
    rotate: 90,
    displayShortSide: 720,
    portrait: true,
  },
  { name: 'no-audio.mp4', width: 640, height: 360, seconds: 3, fps: 10, audio: false, displayShortSide: 360 },
  { name: 'two-seconds.mp4', width: 640, height: 360, seconds: 2, fps: 10, displayShortSide: 360 },
  { name: 'two-seconds-1080p.mp4', width: 1920, height: 1080, seconds: 2, fps: 2, displayShortSide: 1080 },
  // A still scene: every rung far below its cap, so their segments are nearly all fixed costs.
  {
    name: 'still-1080p.mp4',
    width: 1920,
    height: 1080,
    seconds: 2,
    fps: 2,
    still: true,
    audio: false,
    displayShortSide: 1080,
  },
  {
    name: 'clip-480p.mov',
    width: 854,
    height: 480,
    seconds: 3,
    fps: 5,
    container: 'mov',
    recordedAt: '2023-08-01T10:20:30Z',
    displayShortSide: 480,
  },
  { name: 'no-scene-cuts.mp4', width: 480, height: 360, seconds: 3, fps: 10, audio: false, displayShortSide: 360 },
  {
    name: 'scene-cuts.mp4',
    width: 640,
    height: 360,
    seconds: 3,
    fps: 10,
    scenes: 6,
    audio: false,
    displayShortSide: 360,
  },
  {
    name: 'hdr-10bit.mkv',
    width: 640,
    height: 360,
    seconds: 2,
    fps: 10,
    codec: 'hevc',
    container: 'mkv',
    pixFmt: 'yuv420p10le',
    hdr: true,
    displayShortSide: 360,
  },
  {
    name: 'vp9.webm',
    width: 640,
    height: 360,
    seconds: 2,
    fps: 10,
    codec: 'vp9',
    container: 'webm',
    displayShortSide: 360,
  },
];

let env: ProcessingEnv;
let summary: RunSummary;
const media = new Map<string, MediaFile>();

beforeAll(async () => {
  env = await createProcessingEnv({ workers: 2 });
  await Promise.all(
    clips.map(({ name, ...spec }) => generateVideo({ ...spec, file: path.join(env.importsDir, name) })),
  );
  summary = await env.processor().runOnce();
  for (const row of await env.t.db.selectFrom('media_files').selectAll().execute()) media.set(row.original_name, row);
}, 240_000);

afterAll(async () => env?.close());

test('every clip ends completed and leaves imports/', async () => {
  expect(summary.failed).toBe(0);
  expect(summary.completed).toBe(clips.length);
  for (const clip of clips) expect(media.get(clip.name)?.status, clip.name).toBe('completed');
  expect(await fs.readdir(env.importsDir)).toEqual([]);
});

test('the recording date the camera wrote becomes the date taken', () => {
  expect(media.get('clip-480p.mov')?.taken_at?.toISOString()).toBe('2023-08-01T10:20:30.000Z');
  expect(media.get('no-audio.mp4')?.taken_at).toBeNull();
});

test('no plaintext picture or video anywhere under assets/', async () => {
  expect(await findPlaintextMedia(env.assetsDir)).toEqual([]);
});

function parseMaster(text: string) {
  const variants: { attrs: Record<string, string>; uri: string }[] = [];
  const lines = text.trim().split('\n');
  lines.forEach((line, i) => {
    if (!line.startsWith('#EXT-X-STREAM-INF:')) return;
    const attrs = Object.fromEntries(
      [...line.slice(18).matchAll(/([A-Z-]+)=("[^"]*"|[^,]*)/g)].map((m) => [m[1]!, m[2]!.replace(/"/g, '')]),
    );
    variants.push({ attrs, uri: lines[i + 1]! });
  });
  return variants;
}

function segmentsOf(playlist: string) {
  const lines = playlist.split('\n');
  return lines.flatMap((line, i) =>
    line.startsWith('#EXTINF:') ? [{ seconds: parseFloat(line.slice(8)), file: lines[i + 1]! }] : [],
  );
}

describe.each(clips)('$name', (clip) => {
  const row = () => media.get(clip.name)!;
  const dir = () => path.join(env.assetsDir, row().asset_dir!);

  test('a ladder that never upscales, upright, with true BANDWIDTH, RESOLUTION and CODECS', async () => {
    const item = row();
    const expectedRungs = [1080, 720, 480, 360].filter((s) => s <= clip.displayShortSide);
    expect(item.variants.map((v) => v.name)).toEqual(expectedRungs.map((s) => `${s}p`));
    if (clip.portrait) expect(item.height).toBeGreaterThan(item.width!);
    const listed = parseMaster(await env.openFile(item.playlist_path!));
    // Players start on the first variant listed: 480p (or the top below it), then top down.
    const start = expectedRungs.find((side) => side <= 480) ?? expectedRungs.at(-1)!;
    const listedOrder = [start, ...expectedRungs.filter((side) => side !== start)];
    expect(listed.map((v) => v.uri)).toEqual(listedOrder.map((s) => `${s}p/index.m3u8`));
    // From here on in ladder order (top down), as media_files lists them.
    const master = expectedRungs.map((side) => listed.find((v) => v.uri === `${side}p/index.m3u8`)!);
    // Distinct for any source, a still one included: strictly falling down the ladder.
    for (const attr of ['BANDWIDTH', 'AVERAGE-BANDWIDTH']) {
      const rates = master.map((v) => Number(v.attrs[attr]));
      rates.slice(1).forEach((rate, i) => expect(rate, attr).toBeLessThan(rates[i]!));
    }
    expect(new Set(master.map((v) => v.attrs.RESOLUTION)).size).toBe(master.length);
    for (const [i, variant] of master.entries()) {
      const short = Math.min(...variant.attrs.RESOLUTION!.split('x').map(Number));
      expect(short).toBe(expectedRungs[i]);
      const [w, h] = variant.attrs.RESOLUTION!.split('x').map(Number) as [number, number];
      expect(clip.portrait ? h > w : w >= h).toBe(true);
      expect(variant.attrs.CODECS).toBe(
        clip.audio === false ? item.variants[i]!.codecs : `${item.variants[i]!.codecs.split(',')[0]},mp4a.40.2`,
      );
      expect(variant.attrs.CODECS!.includes('mp4a')).toBe(clip.audio !== false);
      // BANDWIDTH is at least the peak segment bitrate, measured again here from the files (at
      // most a bit per second above it per rung below, where two rungs measured the same).
      const playlist = await fs.readFile(path.join(dir(), variant.uri), 'utf8');
      let peak = 0;
      for (const segment of segmentsOf(playlist)) {
        const size = (await fs.stat(path.join(dir(), path.dirname(variant.uri), segment.file))).size;
        peak = Math.max(peak, (size * 8) / Math.max(segment.seconds, 1));
      }
      expect(Number(variant.attrs.BANDWIDTH)).toBeGreaterThanOrEqual(Math.ceil(peak));
      expect(Number(variant.attrs.BANDWIDTH)).toBeLessThanOrEqual(Math.ceil(peak) + master.length);
      expect(Number(variant.attrs['AVERAGE-BANDWIDTH'])).toBeLessThanOrEqual(Number(variant.attrs.BANDWIDTH));
    }
  });

  test('segments are AES-128 encrypted: ffprobe cannot read them, ffmpeg decodes everything with the key', async () => {
    const item = row();
    const hlsKey = await env.keyStore.get(item.hls_key_id!);
    expect(hlsKey?.key.length).toBe(16);
    const segmentLists: number[][] = [];
    for (const variant of item.variants) {
      const playlistFile = path.join(dir(), variant.playlist);
      const playlist = await fs.readFile(playlistFile, 'utf8');
      expect(playlist).toMatch(
        new RegExp(`#EXT-X-KEY:METHOD=AES-128,URI="/api/media/keys/${item.hls_key_id}",IV=0x[0-9a-f]{32}`),
      );
      const segments = segmentsOf(playlist);
      segmentLists.push(segments.map((s) => s.seconds));
      for (const segment of segments) {
        expect(segment.file).toMatch(/^seg_\d{5}\.ts$/);
        expect(await ffprobeSeesVideo(path.join(path.dirname(playlistFile), segment.file))).toBe(false);
      }
      const decoded = await decodeHlsVariant(playlistFile, hlsKey!.key);
      expect([decoded.width, decoded.height]).toEqual([variant.width, variant.height]);
      // RESOLUTION in the master is what ffprobe finds in the segments.
      const master = parseMaster(await env.openFile(item.playlist_path!));
      expect(master.find((v) => v.uri === variant.playlist)?.attrs.RESOLUTION).toBe(
        `${decoded.width}x${decoded.height}`,
      );
      expect(decoded.frames).toBeGreaterThanOrEqual(Math.floor(clip.seconds * (clip.fps ?? 10) * 0.9));
      expect(decoded.hasAudio).toBe(clip.audio !== false);
      expect(`avc1.${decoded.spsCodec}`).toBe(variant.codecs.split(',')[0]);
      // 8-bit 4:2:0 whatever came in (High or Main, never High 10).
      expect(decoded.profile).toMatch(/^(High|Main)$/);
    }
    // Keyframes every 4 s (HLS_SEGMENT_SECONDS' default): all variants cut their segments at
    // the same times, each 4 s long but the last.
    for (const list of segmentLists) expect(list).toEqual(segmentLists[0]);
    const lengths = segmentLists[0]!;
    expect(lengths.length).toBe(Math.ceil(clip.seconds / 4));
    for (const seconds of lengths.slice(0, -1)) expect(seconds).toBeCloseTo(4, 1);
  });

  test('poster, cover thumbnail, animated preview and animated scene preview, all sealed', async () => {
    const item = row();
    const poster = await sharp(await env.openSealed(item.poster_path!)).metadata();
    expect(poster.format).toBe('webp');
    expect(poster.width).toBeLessThanOrEqual(1280);
    const thumb = await sharp(await env.openSealed(item.thumbnail_path!)).metadata();
    expect([thumb.width, thumb.height]).toEqual([300, 300]);
    const preview = await sharp(await env.openSealed(item.preview_path!), { animated: true }).metadata();
    expect(preview.format).toBe('webp');
    expect(preview.width).toBeLessThanOrEqual(320);
    const scenes = await sharp(await env.openSealed(item.scene_preview_path!), { animated: true }).metadata();
    expect(scenes.pages ?? 1).toBeLessThanOrEqual(20);
    // The WebP encoder folds identical frames into one: a still scene's previews are one frame.
    if (!clip.still) {
      expect(preview.pages).toBeGreaterThan(1);
      expect(preview.loop).toBe(0);
      expect(scenes.pages).toBeGreaterThan(1);
    }
    expect(scenes.width).toBeLessThanOrEqual(480);
    const source = (item.metadata.scenePreview as { source: string }).source;
    if (clip.scenes) expect(source).toBe('scenes');
    if (clip.name === 'no-scene-cuts.mp4') expect(source).toBe('even');
  });

  test('the original is kept, sealed, and decrypts to the file that was dropped', async () => {
    const item = row();
    const original = await env.openSealed(item.original_path!);
    expect(original.length).toBe(item.size);
  });
});
