import { subtitleFileName, subtitleLabel } from '@keepsake/contracts';
import type { NewTrack, VideoVariant } from '@keepsake/database';
import type { ContentKey } from '@keepsake/vault';
import type { Logger } from 'pino';
import type { VideoProbe } from '../detect/probeVideo.js';
import { writeSealed } from '../pipelines/writeSealed.js';
import { embeddedSubtitles } from './embeddedSubtitles.js';
import { streamStartPts } from './streamStartPts.js';
import { writeWebVtt } from './writeWebVtt.js';

/** A track made with the item, recorded when it is published. */
export type StagedTrack = Omit<NewTrack, 'mediaId'>;

export interface EmbeddedRequest {
  input: string;
  probe: Pick<VideoProbe, 'container' | 'subtitleStreams'>;
  /** The staged generation folder, its ladder already written. */
  outDir: string;
  variants: VideoVariant[];
  hlsKey: ContentKey;
  storageKey: ContentKey;
  logger: Pick<Logger, 'info' | 'warn'>;
  signal?: AbortSignal;
}

/**
 * The video's own text subtitle streams as sealed WebVTT tracks in its staged folder, mapped onto
 * the ladder's first timestamp. Never fails the video: without subtitles it still plays.
 */
export async function sealEmbeddedSubtitles(request: EmbeddedRequest): Promise<StagedTrack[]> {
  const found = await embeddedSubtitles(request.input, request.probe, request.logger, request.signal);
  const first = request.variants[0];
  if (found.length === 0 || !first) return [];
  const startPts = await streamStartPts(request.outDir, first.playlist, async (id) =>
    id === request.hlsKey.id ? request.hlsKey.key : null,
  );
  const tracks: StagedTrack[] = [];
  for (const [i, stream] of found.entries()) {
    const track = i + 1;
    const file = subtitleFileName(track);
    await writeSealed(request.outDir, file, Buffer.from(writeWebVtt(stream.cues, startPts)), request.storageKey);
    tracks.push({
      track,
      language: stream.language,
      label: stream.title ?? subtitleLabel(stream.language, track),
      forced: stream.forced,
      source: 'embedded',
      sourceName: `stream ${stream.stream}`,
      file,
    });
  }
  return tracks;
}
