export { generateVideo, type VideoSpec } from './generateVideo.js';
export { generateImage, generateHeic, type ImageSpec, type HeicSpec } from './generateImage.js';
export { writePngBomb } from './writePngBomb.js';
export { writeHlsPlaylist, writeDashManifest, writeConcatList, type ReferenceSpec } from './referencingFiles.js';
export { readPrimaryImage, writeHeif, type CodedImage, type HeifLayout } from './heifBoxes.js';
export { runTool } from './runTool.js';
export { findPlaintextMedia, decodeHlsVariant, ffprobeSeesVideo, type DecodedVariant } from './inspectAssets.js';
export { repoRoot } from './repoRoot.js';
export { playHlsUrl } from './playHlsUrl.js';
