import fs from 'node:fs/promises';
import path from 'node:path';
import { runTool } from './runTool.js';

export interface VideoSpec {
  /** Where to write; the file name's extension picks nothing, `container` does. */
  file: string;
  width: number;
  height: number;
  seconds: number;
  /** Frames per second of the source; low keeps generation and processing cheap. */
  fps?: number;
  audio?: boolean;
  /** Display rotation stored as metadata (phones record portrait this way). */
  rotate?: 0 | 90 | 180 | 270;
  /** Hard cuts between solid-colour shots (scene changes); otherwise smooth test footage. */
  scenes?: number;
  /** One solid colour throughout: a still scene, nearly free to encode. */
  still?: boolean;
  /** A solid colour whose hue turns once round the circle over the video (red, then yellow, green, cyan at the middle…): each moment tells itself by its colour. */
  hueSweep?: boolean;
  pixFmt?: 'yuv420p' | 'yuv420p10le';
  /** Tag the stream as HDR (PQ, BT.2020); pairs with yuv420p10le. */
  hdr?: boolean;
  codec?: 'h264' | 'hevc' | 'vp9' | 'vp8' | 'mpeg4';
  container?: 'mp4' | 'mov' | 'mkv' | 'webm' | 'avi';
  /** creation_time, as phones record it. */
  recordedAt?: string;
}

const encoders = {
  h264: ['-c:v', 'libx264', '-preset', 'ultrafast'],
  hevc: ['-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error'],
  vp9: ['-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '300k'],
  vp8: ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '16', '-b:v', '300k'],
  mpeg4: ['-c:v', 'mpeg4', '-q:v', '5'],
} as const;

const containers = { mp4: 'mp4', mov: 'mov', mkv: 'matroska', webm: 'webm', avi: 'avi' } as const;

/** A small video made with ffmpeg's test sources, so tests need no binary files. */
export async function generateVideo(spec: VideoSpec): Promise<string> {
  const { width, height, seconds, fps = 10, audio = true, scenes = 0, codec = 'h264', container = 'mp4' } = spec;
  const size = `${width}x${height}`;
  const inputs: string[] = [];
  let videoFilter: string;
  if (scenes > 1) {
    // Dark and light shots in turn: ffmpeg's scene score needs a large change in brightness.
    const colors = ['black', 'white', 'navy', 'yellow', 'darkred', 'cyan', 'darkgreen', 'pink', 'indigo', 'lightgray'];
    const shot = seconds / scenes;
    for (let i = 0; i < scenes; i++) {
      inputs.push('-f', 'lavfi', '-i', `color=c=${colors[i % colors.length]}:s=${size}:r=${fps}:d=${shot}`);
    }
    const labels = Array.from({ length: scenes }, (_, i) => `[${i}:v]`).join('');
    videoFilter = `${labels}concat=n=${scenes}:v=1:a=0,drawbox=x=iw/8:y=ih/8:w=iw/8:h=ih/8:c=gray:t=fill[v]`;
  } else if (spec.hueSweep) {
    inputs.push('-f', 'lavfi', '-i', `color=c=0xff2020:s=${size}:r=${fps}:d=${seconds}`);
    videoFilter = `[0:v]format=yuv444p,hue=H=2*PI*t/${seconds}[v]`;
  } else if (spec.still) {
    inputs.push('-f', 'lavfi', '-i', `color=c=gray:s=${size}:r=${fps}:d=${seconds}`);
    videoFilter = '[0:v]null[v]';
  } else {
    inputs.push('-f', 'lavfi', '-i', `testsrc2=s=${size}:r=${fps}:d=${seconds}`);
    videoFilter = '[0:v]null[v]';
  }
  const audioIndex = inputs.filter((a) => a === '-i').length;
  if (audio && codec !== 'vp8' && codec !== 'vp9') {
    inputs.push('-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=44100:duration=${seconds}`);
  } else if (audio) {
    inputs.push('-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`);
  }
  const audioArgs = audio
    ? ['-map', `${audioIndex}:a`, ...(container === 'webm' ? ['-c:a', 'libopus'] : ['-c:a', 'aac', '-b:a', '64k'])]
    : [];
  const hdrArgs = spec.hdr ? ['-color_primaries', 'bt2020', '-color_trc', 'smpte2084', '-colorspace', 'bt2020nc'] : [];
  const target = spec.rotate ? `${spec.file}.unrotated.${container}` : spec.file;
  await fs.mkdir(path.dirname(spec.file), { recursive: true });
  await runTool('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    ...inputs,
    '-filter_complex',
    videoFilter,
    '-map',
    '[v]',
    ...encoders[codec],
    '-pix_fmt',
    spec.pixFmt ?? 'yuv420p',
    ...hdrArgs,
    '-g',
    String(fps * 2),
    ...audioArgs,
    ...(spec.recordedAt ? ['-metadata', `creation_time=${spec.recordedAt}`] : []),
    '-shortest',
    '-f',
    containers[container],
    target,
  ]);
  if (spec.rotate) {
    // The mov muxer stores rotation as a display matrix only when copying, as phones' files carry it.
    await runTool('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-i',
      target,
      '-c',
      'copy',
      '-metadata:s:v:0',
      `rotate=${spec.rotate}`,
      // The remux writes its own creation time unless told the recorded one again.
      ...(spec.recordedAt ? ['-metadata', `creation_time=${spec.recordedAt}`] : []),
      '-f',
      containers[container],
      spec.file,
    ]);
    await fs.rm(target);
  }
  return spec.file;
}
