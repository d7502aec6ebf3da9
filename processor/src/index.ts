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
