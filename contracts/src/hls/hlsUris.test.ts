import { describe, expect, it } from 'vitest';
import {
  hlsKeyUri,
  parseHlsKeyUri,
  parseVariantPlaylistUri,
  segmentUrl,
  variantPlaylistUri,
  variantPlaylistUrl,
} from './hlsUris.js';

const id = '0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

describe('HLS URIs', () => {
  it('reads back the key URI it writes, and nothing else', () => {
    expect(parseHlsKeyUri(hlsKeyUri(id))).toBe(id);
    for (const bad of [
      `/api/media/keys/${id}/x`,
      `/api/media/keys/${id.toUpperCase()}`,
      `https://x/api/media/keys/${id}`,
      '/api/media/keys/../x',
    ]) {
      expect(parseHlsKeyUri(bad), bad).toBeNull();
    }
  });

  it('reads back the variant URI it writes, and refuses paths', () => {
    expect(parseVariantPlaylistUri(variantPlaylistUri('720p'))).toBe('720p');
    for (const bad of [
      '../720p/index.m3u8',
      '720p/x/index.m3u8',
      '720p/other.m3u8',
      '/720p/index.m3u8',
      'index.m3u8',
    ]) {
      expect(parseVariantPlaylistUri(bad), bad).toBeNull();
    }
  });

  it('gives the routes the server answers playlists and segments at', () => {
    expect(variantPlaylistUrl({ mediaId: id, generation: 2 }, '480p')).toBe(
      `/api/media/stream/${id}/g2/480p/index.m3u8`,
    );
    expect(segmentUrl({ mediaId: id, generation: 2 }, '480p', 'seg_00001.ts')).toBe(
      `/api/media/segment/${id}/g2/480p/seg_00001.ts`,
    );
  });
});
