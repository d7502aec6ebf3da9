import { expect, it } from 'vitest';
import { qualityLevels } from './qualityLevels';

it('offers every variant the master playlist lists, 1080p included, highest first, by short side', () => {
  const landscape = [
    { width: 640, height: 360, bitrate: 900_000 },
    { width: 1920, height: 1080, bitrate: 5_500_000 },
    { width: 1280, height: 720, bitrate: 3_100_000 },
  ];
  expect(qualityLevels(landscape)).toEqual([
    { index: 1, label: '1080p' },
    { index: 2, label: '720p' },
    { index: 0, label: '360p' },
  ]);
  const portrait = [
    { width: 1080, height: 1920, bitrate: 5_500_000 },
    { width: 720, height: 1280, bitrate: 3_100_000 },
  ];
  expect(qualityLevels(portrait).map((level) => level.label)).toEqual(['1080p', '720p']);
});
