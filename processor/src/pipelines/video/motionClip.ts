import { ffmpegInputArgs } from '../../ffmpeg/inputArgs.js';
import { runTool, ToolFailure } from '../../ffmpeg/runTool.js';
import { ProcessingError } from '../../errors/ProcessingError.js';
import type { VideoProbe } from '../../detect/probeVideo.js';
import { prepareFilter } from './buildTranscodeArgs.js';

/** The motion of a Live Photo is small: short side at most this, never enlarged. */
const MOTION_SHORT_SIDE = 720;

/** Short side to 720 at most, even sides for x264, whichever way the clip stands (rotation applied first). */
const fitShortSide = [
  `scale=w='if(gte(iw,ih),-2,min(${MOTION_SHORT_SIDE},iw))'`,
  `h='if(gte(iw,ih),min(${MOTION_SHORT_SIDE},ih),-2)'`,
].join(':');

/**
 * A short clip as the motion of a photo: H.264 (Main, 8-bit 4:2:0, HDR tone-mapped, a constant
 * rate as the ladder's) in an MP4 whose `moov` comes first (fragmented, so the browser plays it
 * as it arrives), no sound (it plays muted).
 * Written to a pipe and returned whole, so no plaintext copy touches the disk; the caller seals
 * it. Works on any video ffprobe has read: a Live Photo's MOV, or a clip taken out of a
 * Google/Samsung motion photo.
 */
export async function motionClip(input: string, probe: VideoProbe, signal?: AbortSignal): Promise<Buffer> {
  const args = [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin',
    ...ffmpegInputArgs(input, probe.container),
    '-map',
    '0:v:0',
    '-an',
    '-sn',
    '-dn',
    '-vf',
    // Scaled first: tone-mapping an iPhone's HDR frames is cheaper at 720.
    `${fitShortSide},${prepareFilter(probe)},setsar=1`,
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '24',
    '-profile:v',
    'main',
    '-map_metadata',
    '-1',
    '-movflags',
    'frag_keyframe+empty_moov+default_base_moof',
    '-f',
    'mp4',
    'pipe:3',
  ];
  try {
    const { pipes } = await runTool({ command: 'ffmpeg', args, signal, extraPipes: 1 });
    const clip = pipes[0];
    if (!clip || clip.length === 0) throw new ProcessingError('MEDIA_005', 'motion clip: ffmpeg wrote nothing');
    return clip;
  } catch (error) {
    if (error instanceof ToolFailure && !error.aborted)
      throw new ProcessingError('MEDIA_005', `motion clip could not be made (${lastLine(error.stderr)})`, {
        cause: error,
      });
    throw error;
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}
