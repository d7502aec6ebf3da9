import type { MediaType, VideoVariant } from '@keepsake/database';

/** What a pipeline made, before publishing: file names are relative to its output folder. */
export interface ProcessedMedia {
  type: MediaType;
  mime: string;
  width: number;
  height: number;
  duration: number | null;
  takenAt: Date | null;
  metadata: Record<string, unknown>;
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
