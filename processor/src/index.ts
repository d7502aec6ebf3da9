export {
  createProcessor,
  type Processor,
  type ProcessorDeps,
  type RunSummary,
  type FileResult,
} from './createProcessor.js';
export type { JobOutcome } from './queue/runJob.js';
export type { ProgressEvent } from './visibility/progressEvents.js';
export { openProcessorResources, type ProcessorResources } from './startup/openProcessorResources.js';
export { stopGraceMs } from './startup/runLongLived.js';
export {
  rotateKeys,
  type RotateKeysDeps,
  type RotateKeysOptions,
  type RotationSummary,
} from './rotation/rotateKeys.js';
export { cleanupGenerations } from './rotation/cleanupGenerations.js';
// The video pipeline on its own, for bench/playback's processing cost (ladder, 1080p rung, trickplay).
export { processVideo, type VideoJob } from './pipelines/video/processVideo.js';
export { probeVideo, type VideoProbe } from './detect/probeVideo.js';
export { openPrivateTemp, type PrivateTemp } from './startup/privateTemp.js';
