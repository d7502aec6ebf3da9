import { expect, test } from 'vitest';
import { isIgnored } from './ignoreRules.js';

test.each([
  ['photo.jpg', false],
  ['2024/summer/IMG_0001.HEIC', false],
  ['.DS_Store', true],
  ['album/.DS_Store', true],
  ['._IMG_0001.jpg', true],
  ['.hidden/photo.jpg', true],
  ['video.mp4.part', true],
  ['video.mp4.crdownload', true],
  ['copying.TMP', true],
  ['failed/bad.jpg', true],
  ['failed', true],
  ['album/failed/photo.jpg', false],
  ['Thumbs.db', true],
  ['.uploads-partial', true],
  ['.uploads-partial/0a1b2c', true],
  ['.uploads-partial/0a1b2c.json', true],
  ['uploads/anna/IMG_0001.HEIC', false],
])('%s ignored: %s', (file, ignored) => {
  expect(isIgnored(file)).toBe(ignored);
});
