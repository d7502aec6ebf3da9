import path from 'node:path';
import { SEGMENT_TEMPLATE, VARIANT_PLAYLIST } from '@keepsake/contracts';
import type { VideoProbe } from '../../detect/probeVideo.js';
import { ffmpegInputArgs } from '../../ffmpeg/inputArgs.js';
import type { Rung } from './planLadder.js';
import { trickplayFilter, trickplayOutputs, type TrickplayPlan } from './trickplay/planTrickplay.js';

/** What new videos get without `HLS_SEGMENT_SECONDS`: 4 s starts fastest (bench/playback). */
export const DEFAULT_SEGMENT_SECONDS = 4;
export const PREVIEW_SECONDS = 3;
export const PREVIEW_FPS = 10;
export const PREVIEW_WIDTH = 320;
export const SCENE_WIDTH = 480;
export const SCENE_FPS = 5;
export const SCENE_FRAMES = 20;
export const SCENE_THRESHOLD = 0.4;
export const POSTER_MAX_WIDTH = 1280;

/** The extra outputs of the one ffmpeg run, in the order of their pipes (fd 3 to 8). */
export const PIPES = ['scenes', 'evenFrames', 'preview', 'poster', 'trickplaySheets', 'trickplayCount'] as const;
const pipeFd = (name: (typeof PIPES)[number]) => 3 + PIPES.indexOf(name);

export interface TranscodePlan {
  input: string;
  probe: VideoProbe;
  rungs: Rung[];
  outDir: string;
  keyInfoFile: string;
  /** `HLS_SEGMENT_SECONDS`; default DEFAULT_SEGMENT_SECONDS. */
  segmentSeconds?: number;
  /** The seek-bar previews, cut from the preview rung's frames; null: none (the bench's baseline). */
  trickplay: TrickplayPlan | null;
}

const HDR_TRANSFERS = new Set(['smpte2084', 'arib-std-b67']);

/**
 * Frames as every output wants them: upright (ffmpeg applies rotation metadata itself),
 * 8-bit 4:2:0, HDR tone-mapped to SDR, a constant frame rate of at most 60 fps. A Live Photo's
 * motion (an iPhone's HDR HEVC) goes through it too.
 */
export function prepareFilter(probe: VideoProbe): string {
  const steps: string[] = [];
  if (probe.colorTransfer && HDR_TRANSFERS.has(probe.colorTransfer)) {
    steps.push(
      'zscale=t=linear:npl=100',
      'format=gbrpf32le',
      'zscale=p=bt709',
      'tonemap=tonemap=hable:desat=0',
      'zscale=t=bt709:m=bt709:r=tv',
    );
  }
  // Always a constant rate: variable-frame-rate recordings become evenly spaced frames (each
  // at its own time, so audio stays in sync), and 120/240 fps slow motion plays at 30.
  steps.push(`fps=${outputFps(probe)}`);
  steps.push('format=yuv420p');
  return steps.join(',');
}

/** The constant rate every output runs at: the source's, slow motion (above 60) at 30. */
const outputFps = (probe: VideoProbe) => (probe.fps > 60 ? 30 : probe.fps);

const previewStart = (probe: VideoProbe) => probe.duration * 0.1;

/** "Never wider than" without ever enlarging; -2 keeps the height even. */
const fitWidth = (max: number) => `scale=w='min(${max},iw)':h=-2`;

/**
 * The rung the animated previews are cut from: the smallest at least SCENE_WIDTH wide (480p),
 * else the largest. Its frames are already scaled, so scene detection runs on a fifth of the
 * pixels of a 1080p source and the previews' own scaling is nearly free.
 */
export function previewRungIndex(rungs: Rung[]): number {
  let index = 0;
  rungs.forEach((rung, i) => {
    if (rung.width >= SCENE_WIDTH) index = i;
  });
  return index;
}

function filterGraph(plan: TranscodePlan): string {
  const { probe, rungs } = plan;
  const ladder = rungs.map((_, i) => `[l${i}]`).join('');
  const sceneStep = (probe.duration / SCENE_FRAMES).toFixed(3);
  const start = previewStart(probe).toFixed(3);
  const previewRung = previewRungIndex(rungs);
  const branches = ['sc', 'ev', 'pv', ...(plan.trickplay ? ['tp'] : [])];
  const previewBranches = `split=${branches.length + 1}[v${previewRung}]${branches.map((b) => `[${b}]`).join('')}`;
  return [
    `[0:v]${prepareFilter(probe)},split=${rungs.length + 1}${ladder}[po]`,
    ...rungs.map((rung, i) =>
      i === previewRung
        ? `[l${i}]scale=${rung.width}:${rung.height},setsar=1,${previewBranches}`
        : `[l${i}]scale=${rung.width}:${rung.height},setsar=1[v${i}]`,
    ),
    // Scene cuts (and the first frame), shown at 5 fps.
    `[sc]select='eq(n\\,0)+gt(scene\\,${SCENE_THRESHOLD})',${fitWidth(SCENE_WIDTH)},setpts=N/(${SCENE_FPS}*TB)[scenes]`,
    // The fallback for footage without cuts: 20 frames evenly spread over the whole video.
    `[ev]select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,${sceneStep})',${fitWidth(SCENE_WIDTH)},setpts=N/(${SCENE_FPS}*TB)[even]`,
    `[pv]trim=start=${start}:duration=${PREVIEW_SECONDS},setpts=PTS-STARTPTS,fps=${PREVIEW_FPS},${fitWidth(PREVIEW_WIDTH)}[preview]`,
    // The poster comes from the full-size frames. One frame, then the branch ends: scaling
    // every later frame to poster size would cost a fifth of the whole run.
    `[po]trim=start=${start},trim=end_frame=1,${fitWidth(POSTER_MAX_WIDTH)}[poster]`,
    // Seek-bar previews from the same frames: one decode makes the ladder and the sheets.
    ...(plan.trickplay ? [trickplayFilter('tp', plan.trickplay)] : []),
  ].join(';');
}

function animatedWebp(label: string, fd: number, fps: number, maxFrames?: number): string[] {
  return [
    '-map',
    `[${label}]`,
    ...(maxFrames ? ['-frames:v', String(maxFrames)] : []),
    '-r',
    String(fps),
    '-c:v',
    'libwebp_anim',
    '-quality',
    '75',
    '-loop',
    '0',
    '-an',
    '-max_muxing_queue_size',
    '4096',
    '-f',
    'webp',
    `pipe:${fd}`,
  ];
}

/**
 * One ffmpeg run, one decode: the whole HLS ladder (encrypted by ffmpeg as it writes, so no
 * plaintext segment exists) plus the scene preview, its fallback, the hover preview, the
 * poster frame and the seek-bar sprite sheets, which go to pipes and are sealed in memory.
 */
export function buildTranscodeArgs(plan: TranscodePlan): string[] {
  const { rungs, probe } = plan;
  const segmentSeconds = plan.segmentSeconds ?? DEFAULT_SEGMENT_SECONDS;
  const video = rungs.flatMap((rung, i) => [
    '-map',
    `[v${i}]`,
    `-b:v:${i}`,
    `${rung.videoKbps}k`,
    `-maxrate:v:${i}`,
    `${rung.maxKbps}k`,
    `-bufsize:v:${i}`,
    `${rung.bufferKbps}k`,
    `-profile:v:${i}`,
    rung.profile,
    `-level:v:${i}`,
    rung.level,
  ]);
  const audio = probe.hasAudio ? rungs.flatMap((rung, i) => ['-map', '0:a:0', `-b:a:${i}`, `${rung.audioKbps}k`]) : [];
  const streamMap = rungs.map((rung, i) => `v:${i}${probe.hasAudio ? `,a:${i}` : ''},name:${rung.name}`).join(' ');
  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'error',
    '-nostats',
    '-progress',
    'pipe:1',
    ...ffmpegInputArgs(plan.input, probe.container),
    '-filter_complex',
    filterGraph(plan),
    ...video,
    ...audio,
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-pix_fmt',
    'yuv420p',
    // A keyframe at every segment start on every rung, and none from scene cuts or from x264's
    // own interval in between (a GOP as long as a segment), so all rungs cut their segments at
    // the same times and players switch between them cleanly.
    '-force_key_frames',
    `expr:gte(t,n_forced*${segmentSeconds})`,
    '-g',
    String(Math.ceil(outputFps(probe) * segmentSeconds)),
    '-sc_threshold',
    '0',
    ...(probe.hasAudio ? ['-c:a', 'aac', '-ac', '2'] : []),
    '-max_muxing_queue_size',
    '4096',
    '-f',
    'hls',
    '-hls_time',
    String(segmentSeconds),
    '-hls_playlist_type',
    'vod',
    '-hls_segment_type',
    'mpegts',
    '-hls_flags',
    'independent_segments',
    '-hls_key_info_file',
    plan.keyInfoFile,
    '-hls_segment_filename',
    path.join(plan.outDir, '%v', SEGMENT_TEMPLATE),
    '-var_stream_map',
    streamMap,
    path.join(plan.outDir, '%v', VARIANT_PLAYLIST),
    ...animatedWebp('scenes', pipeFd('scenes'), SCENE_FPS, SCENE_FRAMES),
    ...animatedWebp('even', pipeFd('evenFrames'), SCENE_FPS, SCENE_FRAMES),
    ...animatedWebp('preview', pipeFd('preview'), PREVIEW_FPS),
    '-map',
    '[poster]',
    '-frames:v',
    '1',
    '-c:v',
    'png',
    '-max_muxing_queue_size',
    '4096',
    '-f',
    'image2pipe',
    `pipe:${pipeFd('poster')}`,
    ...(plan.trickplay ? trickplayOutputs(pipeFd('trickplaySheets'), pipeFd('trickplayCount')) : []),
  ];
}
