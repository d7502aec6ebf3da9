// hls.js ships no types for its light build (the slideshow's: the same API without subtitles,
// alternate audio and DRM; the player takes the full build for its subtitles): the full build's API.
declare module 'hls.js/light' {
  export * from 'hls.js';
  export { default } from 'hls.js';
}
