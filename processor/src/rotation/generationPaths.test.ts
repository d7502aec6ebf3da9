import { describe, expect, it } from 'vitest';
import { generationDirs, inGeneration, pathsInGeneration } from './generationPaths.js';

const video = {
  generation: 1,
  asset_dir: 'videos/0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/g1',
  image_path: null,
  thumbnail_path: 'videos/0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/g1/thumb.webp.sealed',
  preview_path: 'videos/0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/g1/preview.webp.sealed',
  scene_preview_path: 'videos/0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/g1/scenes.webp.sealed',
  poster_path: 'videos/0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/g1/poster.webp.sealed',
  playlist_path: 'videos/0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/g1/master.m3u8',
  trickplay_path: 'videos/0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/g1/trickplay.json.sealed',
  motion_path: null,
  original_path: 'originals/0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/g1/original.sealed',
};

describe('generation paths', () => {
  it('finds the folders of the current generation', () => {
    expect(generationDirs(video)).toEqual([
      'originals/0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/g1',
      'videos/0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/g1',
    ]);
  });

  it('moves paths to the next generation without touching look-alike names', () => {
    const id = '0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(inGeneration(`videos/${id}/g11/720p/g1.ts`, 11, 12)).toBe(`videos/${id}/g12/720p/g1.ts`);
    expect(inGeneration(`videos/${id}/g1/g1/x`, 1, 2)).toBe(`videos/${id}/g2/g1/x`);
    expect(inGeneration('videos/0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/g1', 1, 2)).toBe(
      'videos/0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/g2',
    );
    expect(pathsInGeneration(video, 2)).toMatchObject({
      asset_dir: 'videos/0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/g2',
      playlist_path: 'videos/0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/g2/master.m3u8',
      original_path: 'originals/0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/g2/original.sealed',
      image_path: null,
    });
  });

  it('refuses a path outside the generation folder rather than guessing', () => {
    expect(() =>
      generationDirs({ ...video, poster_path: 'videos/0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/poster.webp.sealed' }),
    ).toThrow(/not inside a g1 folder/);
  });
});
