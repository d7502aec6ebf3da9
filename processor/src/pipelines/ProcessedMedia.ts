import type { MediaRenditionName } from '@keepsake/contracts';
import type { CompletedMedia, VideoVariant } from '@keepsake/database';
import type { EmbeddedMotion } from '../detect/motionPhoto/extractEmbeddedMotion.js';
import type { StagedTrack } from '../subtitles/sealEmbedded.js';

/**
 * What a pipeline made, before publishing: each rendition of the item's own folder (renditions
 * table) by name, as file names relative to its output folder.
 */
export interface ProcessedMedia extends Pick<
  CompletedMedia,
  'type' | 'mime' | 'width' | 'height' | 'duration' | 'takenAt' | 'metadata'
> {
  files: Partial<Record<MediaRenditionName, string>>;
  variants?: VideoVariant[];
  hlsKeyId?: string;
  /** Videos: subtitle tracks sealed in the output folder, recorded when the item is published. */
  subtitles?: StagedTrack[];
  /**
   * Photos: the clip a Google or Samsung motion photo carries, a plaintext temporary file. Not
   * published: the job hands it to the motion producer, then disposes of it (settleEmbeddedMotion).
   */
  embeddedMotion?: EmbeddedMotion;
}
