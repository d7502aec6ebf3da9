import { describe, expect, it } from 'vitest';
import { rewriteMasterPlaylist, rewriteVariantPlaylist, UnexpectedPlaylistError } from './rewritePlaylists.js';

const mediaId = '0b6f2d4e-8c1a-4f3b-9d2e-5a6b7c8d9e0f';
const keyId = '7e3a1c2b-4d5e-4f60-8a9b-0c1d2e3f4a5b';

const master = `#EXTM3U
#EXT-X-VERSION:3
#EXT-X-STREAM-INF:BANDWIDTH=2928000,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2"
720p/index.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=1528000,RESOLUTION=854x480,CODECS="avc1.64001e,mp4a.40.2"
480p/index.m3u8
`;

const variant = `#EXTM3U
#EXT-X-VERSION:3
#EXT-X-TARGETDURATION:10
#EXT-X-MEDIA-SEQUENCE:0
#EXT-X-PLAYLIST-TYPE:VOD
#EXT-X-KEY:METHOD=AES-128,URI="/api/media/keys/${keyId}",IV=0x00000000000000000000000000000001
#EXTINF:10.000000,
seg_00000.ts
#EXTINF:4.200000,
seg_00001.ts
#EXT-X-ENDLIST
`;

describe('HLS playlist rewriting', () => {
  it('makes every variant URI of the master absolute-path and signed, keeping the tags', () => {
    expect(rewriteMasterPlaylist(master, { mediaId, generation: 3, itemToken: 'ITEM' })).toBe(`#EXTM3U
#EXT-X-VERSION:3
#EXT-X-STREAM-INF:BANDWIDTH=2928000,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2"
/api/media/stream/${mediaId}/g3/720p/index.m3u8?t=ITEM
#EXT-X-STREAM-INF:BANDWIDTH=1528000,RESOLUTION=854x480,CODECS="avc1.64001e,mp4a.40.2"
/api/media/stream/${mediaId}/g3/480p/index.m3u8?t=ITEM
`);
  });

  it('signs the key URI with a key token and every segment with the item token', () => {
    const out = rewriteVariantPlaylist(variant, {
      mediaId,
      generation: 1,
      variant: '720p',
      itemToken: 'ITEM',
      keyToken: (id) => `KEY-${id.slice(0, 4)}`,
    });
    expect(out).toBe(`#EXTM3U
#EXT-X-VERSION:3
#EXT-X-TARGETDURATION:10
#EXT-X-MEDIA-SEQUENCE:0
#EXT-X-PLAYLIST-TYPE:VOD
#EXT-X-KEY:METHOD=AES-128,URI="/api/media/keys/${keyId}?t=KEY-7e3a",IV=0x00000000000000000000000000000001
#EXTINF:10.000000,
/api/media/segment/${mediaId}/g1/720p/seg_00000.ts?t=ITEM
#EXTINF:4.200000,
/api/media/segment/${mediaId}/g1/720p/seg_00001.ts?t=ITEM
#EXT-X-ENDLIST
`);
    expect(out).not.toMatch(/^seg_/m);
  });

  it('accepts CRLF line endings', () => {
    const out = rewriteMasterPlaylist(master.replaceAll('\n', '\r\n'), { mediaId, generation: 1, itemToken: 'T' });
    expect(out).toContain(`/api/media/stream/${mediaId}/g1/480p/index.m3u8?t=T`);
  });

  it.each([
    ['a variant outside the item', master.replace('720p/index.m3u8', '../other/720p/index.m3u8')],
    ['an absolute variant URL', master.replace('720p/index.m3u8', 'https://evil.example/720p/index.m3u8')],
    ['a variant named oddly', master.replace('720p/index.m3u8', '72 0p/index.m3u8')],
    ['not a playlist', 'hello'],
  ])('refuses a master playlist with %s', (_name, text) => {
    expect(() => rewriteMasterPlaylist(text, { mediaId, generation: 1, itemToken: 'T' })).toThrow();
  });

  it.each([
    ['a segment path', variant.replace('seg_00000.ts', '../../other/g1/720p/seg_00000.ts')],
    ['an absolute segment path', variant.replace('seg_00000.ts', '/etc/passwd')],
    ['a segment URL', variant.replace('seg_00000.ts', 'http://evil.example/seg.ts')],
    ['a key file instead of the key endpoint', variant.replace(`/api/media/keys/${keyId}`, 'file:///keys/k.bin')],
  ])('refuses a variant playlist with %s', (_name, text) => {
    expect(() =>
      rewriteVariantPlaylist(text, { mediaId, generation: 1, variant: '720p', itemToken: 'T', keyToken: () => 'K' }),
    ).toThrow(UnexpectedPlaylistError);
  });
});
