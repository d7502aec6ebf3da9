export { generateVideo, type VideoSpec } from './generateVideo.js';
export { generateImage, generateHeic, type ImageSpec, type HeicSpec } from './generateImage.js';
export { writePngBomb } from './writePngBomb.js';
export { containerSamples, writeContainerSample, type ContainerSample } from './containerSamples.js';
export { writeHlsPlaylist, writeDashManifest, writeConcatList, type ReferenceSpec } from './referencingFiles.js';
export { readPrimaryImage, writeHeif, type CodedImage, type HeifLayout } from './heifBoxes.js';
export { runTool } from './runTool.js';
export { findPlaintextMedia, decodeHlsVariant, ffprobeSeesVideo, type DecodedVariant } from './inspectAssets.js';
export { repoRoot } from './repoRoot.js';
export { playHlsUrl } from './playHlsUrl.js';
export { writeLegacyMasterOrder, segmentSeconds } from './legacyHlsLayout.js';
export { writeDng, type DngSpec } from './writeDng.js';
export { rawFixture, rawFixtures } from './rawFixtures.js';
export {
  writeMotionPhoto,
  type MotionPhotoSpec,
  type MotionPhotoFile,
  type MotionPhotoLayout,
} from './motionPhotos.js';
export { embedSubtitles, srtText, vttText, type SampleCue } from './subtitleSamples.js';
export { writeLiveStill, writeLiveMotion, type LiveStillSpec, type LiveMotionSpec } from './writeLivePhoto.js';
