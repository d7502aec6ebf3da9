import { expect, test } from 'vitest';
import { planLadder } from './planLadder.js';
import { strictlyDecreasing } from './writeMasterPlaylist.js';

const shape = (w: number, h: number, max?: number) =>
  planLadder(w, h, max).map((r) => `${r.name} ${r.width}x${r.height} ${r.codecs}`);

test('1080p landscape gets 1080p, 720p, 480p and 360p with their H.264 profile and level', () => {
  expect(shape(1920, 1080)).toEqual([
    '1080p 1920x1080 avc1.64002a',
    '720p 1280x720 avc1.640028',
    '480p 854x480 avc1.4d401f',
    '360p 640x360 avc1.4d401f',
  ]);
  // 4K is never above 1080p.
  expect(shape(3840, 2160)[0]).toBe('1080p 1920x1080 avc1.64002a');
});

test('a 720p source gets no 1080p', () => {
  expect(shape(1280, 720).map((s) => s.split(' ')[0])).toEqual(['720p', '480p', '360p']);
});

test('portrait keeps its short side as the rung and stays portrait', () => {
  expect(shape(1080, 1920)).toEqual([
    '1080p 1080x1920 avc1.64002a',
    '720p 720x1280 avc1.640028',
    '480p 480x854 avc1.4d401f',
    '360p 360x640 avc1.4d401f',
  ]);
  expect(shape(720, 1280).map((s) => s.split(' ')[0])).toEqual(['720p', '480p', '360p']);
});

test('a source between 720 and 1080 gets a top rung at its own size, between its neighbours in bitrate', () => {
  const ladder = planLadder(1600, 900);
  expect(ladder.map((r) => `${r.name} ${r.width}x${r.height}`)).toEqual([
    '900p 1600x900',
    '720p 1280x720',
    '480p 854x480',
    '360p 640x360',
  ]);
  expect(ladder[0]!.videoKbps).toBeGreaterThan(ladder[1]!.videoKbps);
  expect(ladder[0]!.videoKbps).toBeLessThan(5000);
});

test('VIDEO_MAX_HEIGHT=720 gives no 1080p, whatever the source', () => {
  expect(shape(1920, 1080, 720).map((s) => s.split(' ')[0])).toEqual(['720p', '480p', '360p']);
  expect(shape(1600, 900, 720).map((s) => s.split(' ')[0])).toEqual(['720p', '480p', '360p']);
  expect(shape(1080, 1920, 720)[0]).toBe('720p 720x1280 avc1.640028');
});

test('never upscaled: a 480p source gives 480p and 360p; a tiny one gives one rung at its own size', () => {
  expect(shape(854, 480).map((s) => s.split(' ')[0])).toEqual(['480p', '360p']);
  expect(shape(320, 240)).toEqual(['240p 320x240 avc1.4d401f']);
  expect(shape(33, 17).map((s) => s.split(' ')[1])).toEqual(['32x16']);
  expect(shape(853, 480).map((s) => s.split(' ')[1])).toEqual(['852x480', '640x360']);
});

test('each rung is capped at a different bitrate, falling down the ladder', () => {
  const rates = planLadder(1920, 1080).map((r) => r.maxKbps);
  expect(rates).toEqual([...rates].sort((a, b) => b - a));
  expect(new Set(rates).size).toBe(4);
  for (const rung of planLadder(1920, 1080)) expect(rung.bufferKbps).toBe(rung.videoKbps * 2);
});

test('declared rates fall strictly down the ladder and are never below the measured ones', () => {
  // A still scene: three rungs measuring the very same bytes.
  const measured = [
    { peak: 60_000, average: 50_000 },
    { peak: 60_000, average: 50_000 },
    { peak: 60_000, average: 50_000 },
  ];
  expect(strictlyDecreasing(measured)).toEqual([
    { peak: 60_002, average: 50_002 },
    { peak: 60_001, average: 50_001 },
    { peak: 60_000, average: 50_000 },
  ]);
  const ordinary = [
    { peak: 5_000_000, average: 4_000_000 },
    { peak: 3_000_000, average: 2_000_000 },
  ];
  expect(strictlyDecreasing(ordinary)).toEqual(ordinary);
});
