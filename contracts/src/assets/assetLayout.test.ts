import { describe, expect, it } from 'vitest';
import { generationDir, generationFolderPattern, inGeneration, parseAssetPath } from './assetLayout.js';

const id = '0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

describe('asset layout', () => {
  it('builds and parses <kind>/<id>/g<n> paths', () => {
    expect(generationDir('videos', id, 3)).toBe(`videos/${id}/g3`);
    expect(parseAssetPath(`videos/${id}/g3/720p/seg_00000.ts`)).toEqual({
      kind: 'videos',
      mediaId: id,
      generation: 3,
      rest: '720p/seg_00000.ts',
    });
    expect(parseAssetPath(`originals/${id}/g1`)).toEqual({ kind: 'originals', mediaId: id, generation: 1, rest: '' });
  });

  it('refuses what is not inside a generation folder', () => {
    for (const bad of [`videos/${id}/poster.webp.sealed`, `other/${id}/g1/x`, `videos/${id.toUpperCase()}/g1/x`, `videos/${id}/g0/x`, `/videos/${id}/g1/x`]) {
      expect(parseAssetPath(bad), bad).toBeNull();
    }
  });

  it('moves a path to another generation, look-alike names untouched', () => {
    expect(inGeneration(parseAssetPath(`videos/${id}/g1/g1/x`)!, 2)).toBe(`videos/${id}/g2/g1/x`);
    expect(inGeneration(parseAssetPath(`images/${id}/g9`)!, 10)).toBe(`images/${id}/g10`);
  });

  it('tells generation folders, finished or being written, from anything else', () => {
    expect(generationFolderPattern.exec('g12')?.slice(1)).toEqual(['12', undefined]);
    expect(generationFolderPattern.exec('g12.rotating')?.slice(1)).toEqual(['12', '.rotating']);
    expect(generationFolderPattern.test('g12xrotating')).toBe(false);
  });
});
