import type { CompletedMedia, VideoVariant } from '@keepsake/database';

/** What a pipeline made, before publishing: file names are relative to its output folder. */
export interface ProcessedMedia extends Pick<
  CompletedMedia,
  'type' | 'mime' | 'width' | 'height' | 'duration' | 'takenAt' | 'metadata'
> {
  files: {
    image?: string;
    thumbnail: string;
    preview?: string;
    scenePreview?: string;
    poster?: string;
    playlist?: string;
  };
  variants?: VideoVariant[];
  hlsKeyId?: string;
}
