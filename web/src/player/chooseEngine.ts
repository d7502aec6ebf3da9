export type PlaybackEngine = 'hls.js' | 'native' | null;

/**
 * hls.js wherever MediaSource lets it run (it gives the quality menu and precise errors);
 * the browser's own HLS where it has no MediaSource but plays HLS itself (older iPhones);
 * otherwise nothing can play these videos here.
 */
export function chooseEngine(hlsJsSupported: boolean, nativeHlsSupport: string): PlaybackEngine {
  if (hlsJsSupported) return 'hls.js';
  if (nativeHlsSupport === 'probably' || nativeHlsSupport === 'maybe') return 'native';
  return null;
}
