import { expect, test } from 'vitest';
import { planLadder } from './planLadder.js';

const shape = (w: number, h: number) => planLadder(w, h).map((r) => `${r.name} ${r.width}x${r.height} ${r.codecs}`);

test('1080p landscape gets 720p, 480p and 360p with their H.264 profile and level', () => {
  expect(shape(1920, 1080)).toEqual([
    '720p 1280x720 avc1.640028',
    '480p 854x480 avc1.4d401f',
    '360p 640x360 avc1.4d401f',
  ]);
});

test('portrait keeps its short side as the rung and stays portrait', () => {
  expect(shape(1080, 1920)).toEqual([
    '720p 720x1280 avc1.640028',
    '480p 480x854 avc1.4d401f',
    '360p 360x640 avc1.4d401f',
  ]);
});

test('never upscaled: a 480p source gives 480p and 360p; a tiny one gives one rung at its own size', () => {
  expect(shape(854, 480).map((s) => s.split(' ')[0])).toEqual(['480p', '360p']);
  expect(shape(320, 240)).toEqual(['240p 320x240 avc1.4d401f']);
  expect(shape(33, 17).map((s) => s.split(' ')[1])).toEqual(['32x16']);
  expect(shape(853, 480).map((s) => s.split(' ')[1])).toEqual(['852x480', '640x360']);
});

test('each rung is capped at a different bitrate', () => {
  const rates = planLadder(1920, 1080).map((r) => r.maxKbps);
  expect(new Set(rates).size).toBe(3);
  for (const rung of planLadder(1920, 1080)) expect(rung.bufferKbps).toBe(rung.videoKbps * 2);
});
