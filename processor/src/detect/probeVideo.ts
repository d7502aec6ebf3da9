import { probeInputArgs } from '../ffmpeg/inputArgs.js';
import { runTool, ToolFailure } from '../ffmpeg/runTool.js';
import { isVideoContainer, type VideoContainer } from '../ffmpeg/videoContainers.js';
import { unsupported } from '../errors/ProcessingError.js';
import { measureDuration } from './measureDuration.js';
import { refusedFormat } from './refusedFormat.js';

export interface VideoProbe {
  /** The demuxer ffprobe found; every later ffmpeg run is forced to it. */
  container: VideoContainer;
  codec: string;
  /** Stored size of the frames, before rotation. */
  codedWidth: number;
  codedHeight: number;
  /** Size as shown: rotation and non-square pixels applied. */
  width: number;
  height: number;
  rotation: number;
  fps: number;
  pixFmt: string;
  colorTransfer: string | null;
  duration: number;
  hasAudio: boolean;
  audioCodec: string | null;
  /** When the camera says it recorded (creation_time); null when absent or implausible. */
  recordedAt: Date | null;
  /** Apple's `com.apple.quicktime.content.identifier`: the MOV of a Live Photo shares it with its still. */
  contentIdentifier: string | null;
  /** The subtitle streams inside, from the same probe (none for most phone videos). */
  subtitleStreams: SubtitleStream[];
}

/** A subtitle stream as ffprobe lists it; which of them are text is the subtitles' business. */
export interface SubtitleStream {
  /** The stream's index in the file. */
  index: number;
  codec: string;
  /** As the file tags it (`eng`, `und`), or null. */
  language: string | null;
  title: string | null;
  forced: boolean;
}

/** The parts of ffprobe's JSON read here (ffprobe is trusted; its fields may be missing). */
interface ProbeStream {
  index?: number;
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  color_transfer?: string;
  sample_aspect_ratio?: string;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  duration?: string;
  disposition?: { attached_pic?: number; forced?: number };
  tags?: Record<string, string>;
  side_data_list?: { rotation?: number }[];
}

interface ProbeOutput {
  streams?: ProbeStream[];
  format?: { format_name?: string; duration?: string; tags?: Record<string, string> };
}

/**
 * Picture codecs a container may carry as its only "video" (cover art, a single frame). Motion
 * JPEG is not one: compact cameras record their movies in it.
 */
const stillCodecs = new Set(['png', 'bmp', 'gif', 'webp', 'tiff', 'jpeg2000', 'ansi', 'apng', 'ppm', 'pgm']);
/** Smaller than this is not a picture anyone can watch, and x264 cannot make a ladder of it. */
const MIN_SIDE = 16;

function ratio(value: string | undefined): number {
  if (!value) return 0;
  const [n, d] = value.split(/[/:]/).map(Number);
  if (!n || !d) return 0;
  return n / d;
}

/** What ffprobe says about a file that should be a video; anything else is MEDIA_004. */
export async function probeVideo(file: string, signal?: AbortSignal): Promise<VideoProbe> {
  let output: string;
  try {
    ({ stdout: output } = await runTool({
      command: 'ffprobe',
      args: ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', ...probeInputArgs(file)],
      signal,
    }));
  } catch (error) {
    if (error instanceof ToolFailure && !error.aborted) {
      throw (
        refusedFormat(error.stderr) ??
        unsupported(`not a photo or video Keepsake can read (${lastLine(error.stderr) || 'unknown format'})`, error)
      );
    }
    throw error;
  }
  const probe = JSON.parse(output || '{}') as ProbeOutput;
  const streams = probe.streams ?? [];
  const formatName = probe.format?.format_name ?? '';
  const video = streams.find(
    (s) => s.codec_type === 'video' && !s.disposition?.attached_pic && !stillCodecs.has(s.codec_name ?? ''),
  );
  // ffprobe was told the same list; checked again so no other demuxer can reach ffmpeg.
  if (!isVideoContainer(formatName)) {
    throw unsupported(`not a photo or video Keepsake can read (${formatName || 'unknown'} is not a video container)`);
  }
  if (!video) {
    const audioOnly = streams.some((s) => s.codec_type === 'audio');
    throw unsupported(audioOnly ? 'audio only: no video stream' : 'not a photo or video Keepsake can read');
  }
  const codedWidth = video.width ?? 0;
  const codedHeight = video.height ?? 0;
  if (codedWidth < MIN_SIDE || codedHeight < MIN_SIDE) {
    throw unsupported(`video is too small to play (${codedWidth}×${codedHeight})`);
  }
  const duration = headerDuration(probe, video) ?? (await measureDuration(file, signal));
  if (duration <= 0) throw unsupported('video has no duration (empty or cut short)');

  const rotationSide = video.side_data_list?.find((d) => typeof d.rotation === 'number')?.rotation;
  const rotation = (((rotationSide ?? Number(video.tags?.rotate ?? 0)) % 360) + 360) % 360;
  const sar = ratio(video.sample_aspect_ratio) || 1;
  const displayWidth = Math.round(codedWidth * sar);
  const quarterTurn = rotation === 90 || rotation === 270;
  const audio = streams.find((s) => s.codec_type === 'audio');
  return {
    container: formatName,
    codec: video.codec_name ?? 'unknown',
    codedWidth,
    codedHeight,
    width: quarterTurn ? codedHeight : displayWidth,
    height: quarterTurn ? displayWidth : codedHeight,
    rotation,
    fps: playbackFps(video),
    pixFmt: video.pix_fmt ?? 'unknown',
    colorTransfer: video.color_transfer ?? null,
    duration,
    hasAudio: Boolean(audio),
    audioCodec: audio?.codec_name ?? null,
    recordedAt: recordedAt(probe.format?.tags?.creation_time ?? video.tags?.creation_time),
    contentIdentifier: contentIdentifier(probe.format?.tags),
    subtitleStreams: streams.filter((s) => s.codec_type === 'subtitle').map(subtitleStream),
  };
}

/** The Live Photo identifier the MOV's QuickTime metadata carries (a UUID), or null. */
function contentIdentifier(tags: Record<string, string> | undefined): string | null {
  const value = tags?.['com.apple.quicktime.content.identifier']?.trim();
  return value && value.length <= 128 && /^[\x21-\x7e]+$/.test(value) ? value : null;
}

function subtitleStream(stream: ProbeStream): SubtitleStream {
  return {
    index: stream.index ?? 0,
    codec: stream.codec_name ?? 'unknown',
    language: stream.tags?.language ?? null,
    title: stream.tags?.title ?? null,
    forced: stream.disposition?.forced === 1,
  };
}

/** Above this a rate is a timestamp clock (1000 for WebM's milliseconds), not a frame rate. */
const MAX_NOMINAL_FPS = 60;

/**
 * The constant rate the video is played back at. Phones and screen recorders write variable
 * frame rates: their nominal rate (r_frame_rate: 30 for a phone that drops to 20 in the dark)
 * keeps motion smooth where the average would judder; when the nominal rate is only the
 * container's clock, the average is what there is.
 */
function playbackFps(video: ProbeStream): number {
  const nominal = ratio(video.r_frame_rate);
  if (nominal > 0 && nominal <= MAX_NOMINAL_FPS) return nominal;
  return ratio(video.avg_frame_rate) || nominal || 25;
}

/** The duration the container or stream header states, or null when it states none. */
function headerDuration(probe: ProbeOutput, video: ProbeStream): number | null {
  const duration = Number(probe.format?.duration ?? video.duration);
  return Number.isFinite(duration) && duration > 0 ? duration : null;
}

/** Muxers write 1970 or 1904 when they know nothing; those are not dates anyone recorded on. */
function recordedAt(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1990 || date.getTime() > Date.now() + 86_400_000)
    return null;
  return date;
}

function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .pop()
      ?.replace(/^.*?: /, '') ?? ''
  );
}
