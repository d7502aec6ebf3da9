import fs from 'node:fs/promises';
import path from 'node:path';
import { runTool } from './runTool.js';

/*
 * Hostile imports that are text, not media: they name other files, which ffmpeg would read.
 * A file dropped in imports/ with one of these inside (named holiday.mp4) must never lead
 * the processor to publish the media it points at.
 */

export interface ReferenceSpec {
  /** The hostile file to write (its name usually claims a video extension). */
  file: string;
  /** A real video the hostile file points at, usually outside imports/. */
  video: string;
  /** Where the pieces ffmpeg cuts from `video` are written (outside imports/). */
  pieces: string;
}

/** An HLS playlist whose segments are `video`'s, named by absolute path. */
export async function writeHlsPlaylist(spec: ReferenceSpec): Promise<string> {
  await fs.mkdir(spec.pieces, { recursive: true });
  const playlist = path.join(spec.pieces, 'index.m3u8');
  await runTool('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-i', spec.video, '-c', 'copy'],
    ...['-f', 'hls', '-hls_time', '1', '-hls_playlist_type', 'vod'],
    ...['-hls_segment_filename', path.join(spec.pieces, 'seg_%03d.ts'), playlist],
  ]);
  const lines = (await fs.readFile(playlist, 'utf8'))
    .split('\n')
    .map((line) => (line && !line.startsWith('#') ? path.join(spec.pieces, line) : line));
  await fs.writeFile(spec.file, lines.join('\n'));
  return spec.file;
}

/** A DASH manifest whose BaseURL is the folder holding `video`'s fragments. */
export async function writeDashManifest(spec: ReferenceSpec): Promise<string> {
  await fs.mkdir(spec.pieces, { recursive: true });
  const manifest = path.join(spec.pieces, 'manifest.mpd');
  await runTool('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-i', spec.video, '-c', 'copy'],
    ...['-f', 'dash', manifest],
  ]);
  const text = await fs.readFile(manifest, 'utf8');
  await fs.writeFile(spec.file, text.replace(/<Period\b/, `<BaseURL>${spec.pieces}/</BaseURL>\n<Period`));
  return spec.file;
}

/**
 * An ffconcat list. ffmpeg's concat demuxer refuses absolute and `..` paths in its safe mode,
 * so a real attack names a relative path, e.g. a symlink parked in imports/failed/. Each entry's
 * duration is written too, so ffprobe reports one and the list passes for a whole video.
 */
export async function writeConcatList(file: string, entries: { file: string; seconds: number }[]): Promise<string> {
  const body = entries.map((entry) => `file '${entry.file}'\nduration ${entry.seconds}`).join('\n');
  await fs.writeFile(file, `ffconcat version 1.0\n${body}\n`);
  return file;
}
