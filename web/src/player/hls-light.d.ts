// hls.js ships no types for its light build (the same API without subtitles, alternate
// audio and DRM, none of which Keepsake uses): it is the full build's API.
declare module 'hls.js/light' {
  export * from 'hls.js';
  export { default } from 'hls.js';
}
