import { expect, test } from 'vitest';
import { planLadder } from './planLadder.js';
import { masterOrder } from './startRung.js';

const names = (width: number, height: number) => masterOrder(planLadder(width, height)).map((rung) => rung.name);

test('the master lists 480p first, then the ladder top down, portrait alike', () => {
  expect(names(1920, 1080)).toEqual(['480p', '1080p', '720p', '360p']);
  expect(names(1080, 1920)).toEqual(['480p', '1080p', '720p', '360p']);
  expect(names(1280, 720)).toEqual(['480p', '720p', '360p']);
  expect(names(854, 480)).toEqual(['480p', '360p']);
});

test('a source below 480p starts on its top rung, a tiny one on its only rung', () => {
  expect(names(640, 360)).toEqual(['360p']);
  expect(names(320, 240)).toEqual(['240p']);
});
