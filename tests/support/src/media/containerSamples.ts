import fs from 'node:fs/promises';
import path from 'node:path';
import { runTool } from './runTool.js';

export interface ContainerSample {
  /** File name, with the extension such files have in the wild. */
  name: string;
  /** Where such files come from; says why the container must keep working. */
  source: string;
  /** What ffprobe reports as format_name for it. */
  formatName: string;
  /** ffmpeg output options: codecs and muxer. */
  args: string[];
  size?: string;
  fps?: number;
}

/** One short clip per container a household brings, each with the codecs its devices used. */
export const containerSamples: ContainerSample[] = [
  {
    name: 'phone.mp4',
    source: 'phones',
    formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
    args: ['-c:v', 'libx264', '-c:a', 'aac'],
  },
  {
    name: 'camera.mov',
    source: 'iPhone, cameras',
    formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
    args: ['-c:v', 'libx264', '-c:a', 'pcm_s16le'],
  },
  {
    name: 'old-phone.3gp',
    source: 'old phones',
    formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
    args: ['-c:v', 'libx264', '-c:a', 'aac', '-ar', '8000', '-ac', '1'],
  },
  {
    name: 'download.mkv',
    source: 'downloads, screen recorders',
    formatName: 'matroska,webm',
    args: ['-c:v', 'libx264', '-c:a', 'aac'],
  },
  {
    name: 'browser.webm',
    source: 'browsers, screen recorders',
    formatName: 'matroska,webm',
    args: ['-c:v', 'libvpx', '-deadline', 'realtime', '-c:a', 'libopus'],
  },
  {
    name: 'compact-camera.avi',
    source: 'compact cameras (Motion JPEG)',
    formatName: 'avi',
    args: ['-c:v', 'mjpeg', '-q:v', '5', '-c:a', 'pcm_s16le'],
  },
  { name: 'webcam.avi', source: 'webcams', formatName: 'avi', args: ['-c:v', 'mpeg4', '-c:a', 'mp3'] },
  {
    name: 'old-web.flv',
    source: 'old web downloads',
    formatName: 'flv',
    args: ['-c:v', 'flv1', '-c:a', 'mp3', '-ar', '44100'],
  },
  {
    name: 'movie-maker.wmv',
    source: 'Windows Movie Maker',
    formatName: 'asf',
    args: ['-c:v', 'wmv2', '-c:a', 'wmav2'],
  },
  {
    name: 'camcorder.mts',
    source: 'AVCHD camcorders',
    formatName: 'mpegts',
    args: ['-c:v', 'libx264', '-c:a', 'ac3', '-f', 'mpegts'],
  },
  { name: 'dvd.vob', source: 'DVDs', formatName: 'mpeg', args: ['-c:v', 'mpeg2video', '-c:a', 'ac3', '-f', 'vob'] },
  {
    name: 'camcorder.mpg',
    source: 'tape-less camcorders (MOD/TOD)',
    formatName: 'mpeg',
    args: ['-c:v', 'mpeg2video', '-c:a', 'mp2', '-f', 'mpeg'],
  },
  { name: 'free.ogv', source: 'Theora videos', formatName: 'ogg', args: ['-c:v', 'libtheora', '-c:a', 'libvorbis'] },
  {
    name: 'pro.mxf',
    source: 'professional camcorders',
    formatName: 'mxf',
    size: '720x576',
    fps: 25,
    args: ['-c:v', 'mpeg2video', '-b:v', '5M', '-c:a', 'pcm_s16le', '-ar', '48000', '-ac', '1'],
  },
  {
    name: 'minidv.dv',
    source: 'MiniDV tapes',
    formatName: 'dv',
    size: '720x576',
    fps: 25,
    args: ['-c:v', 'dvvideo', '-c:a', 'pcm_s16le', '-ar', '48000', '-ac', '2', '-f', 'dv'],
  },
  { name: 'real.rm', source: 'RealVideo files', formatName: 'rm', args: ['-c:v', 'rv20', '-c:a', 'ac3'] },
];

/** Writes one second of test footage with sound in `sample`'s container, into `dir`. */
export async function writeContainerSample(dir: string, sample: ContainerSample): Promise<string> {
  const file = path.join(dir, sample.name);
  await fs.mkdir(dir, { recursive: true });
  await runTool('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', `testsrc2=s=${sample.size ?? '320x240'}:r=${sample.fps ?? 10}:d=1`],
    ...['-f', 'lavfi', '-i', 'sine=d=1:sample_rate=48000'],
    ...['-pix_fmt', 'yuv420p', ...sample.args, file],
  ]);
  return file;
}
