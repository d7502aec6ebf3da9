import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { PrivateTemp } from '../../startup/privateTemp.js';
import { probeVideo, type VideoProbe } from '../probeVideo.js';
import type { MotionLayout, MotionRange } from './embeddedMotion.js';

/** A motion photo's clip, copied out of the photo for the motion producer. */
export interface EmbeddedMotion {
  /** The clip: a plaintext .mp4 (0600) in the processor's private temporary folder. */
  file: string;
  layout: MotionLayout;
  /** What ffprobe found in it (a video stream with a duration), so nobody probes it again. */
  probe: VideoProbe;
  /** Removes the clip and its folder; whoever holds the EmbeddedMotion must call it. */
  dispose(): Promise<void>;
}

/**
 * Copies the clip's bytes out of the photo, streamed (never the file in memory), into a folder
 * of its own in the private temp folder (0700, wiped at start after a crash), and checks with
 * ffprobe, under the same whitelists as every video, that it is a video with a duration. A clip
 * that is not one throws its ProcessingError (MEDIA_004) with nothing left behind.
 */
export async function extractEmbeddedMotion(
  file: string,
  range: MotionRange,
  temp: PrivateTemp,
  signal?: AbortSignal,
): Promise<EmbeddedMotion> {
  const { dir, dispose } = await temp.make('motion');
  const clip = path.join(dir, 'motion.mp4');
  try {
    await pipeline(
      createReadStream(file, { start: range.videoStart, end: range.videoStart + range.videoLength - 1 }),
      createWriteStream(clip, { flags: 'wx', mode: 0o600 }),
      { signal },
    );
    const probe = await probeVideo(clip, signal);
    return { file: clip, layout: range.layout, probe, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
