import { describe, expect, it } from 'vitest';
import { segmentPath, variantPlaylistPath } from './segmentPath.js';

const assets = '/srv/keepsake/assets';
const mediaId = '0b6f2d4e-8c1a-4f3b-9d2e-5a6b7c8d9e0f';

describe('segment paths', () => {
  it('maps a segment address into the item folder', () => {
    expect(segmentPath(assets, { mediaId, generation: 2, variant: '720p', file: 'seg_00012.ts' })).toBe(
      `videos/${mediaId}/g2/720p/seg_00012.ts`,
    );
    expect(variantPlaylistPath(assets, { mediaId, generation: 1, variant: '360p' })).toBe(
      `videos/${mediaId}/g1/360p/index.m3u8`,
    );
  });

  it.each([
    { variant: '..', file: 'seg_00000.ts' },
    { variant: '720p', file: '../../../../etc/passwd' },
    { variant: '720p', file: '..%2f..%2fetc%2fpasswd' },
    { variant: '720p', file: '/etc/passwd' },
    { variant: '/etc', file: 'seg_00000.ts' },
    { variant: '720p', file: 'seg_00000.ts/../../x.ts' },
    { variant: '720p', file: 'index.m3u8' },
    { variant: '720p', file: '.seg.ts' },
    { variant: '720p', file: 'seg.sealed' },
    { variant: '72 0p', file: 'seg_00000.ts' },
    { variant: '720p', file: 'seg_00000.ts\u0000' },
  ])('refuses $variant/$file', ({ variant, file }) => {
    expect(segmentPath(assets, { mediaId, generation: 1, variant, file })).toBeNull();
  });

  it('refuses ids and generations that are not plain', () => {
    expect(segmentPath(assets, { mediaId: '..', generation: 1, variant: '720p', file: 'a.ts' })).toBeNull();
    expect(segmentPath(assets, { mediaId, generation: 0, variant: '720p', file: 'a.ts' })).toBeNull();
    expect(segmentPath(assets, { mediaId, generation: 1.5, variant: '720p', file: 'a.ts' })).toBeNull();
  });
});
