import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { renditions } from '@keepsake/contracts';
import type { ContentKey } from '@keepsake/vault';
import type { VideoProbe } from '../../detect/probeVideo.js';
import { ProcessingError } from '../../errors/ProcessingError.js';
import { ffmpegInputArgs } from '../../ffmpeg/inputArgs.js';
import { runTool, ToolFailure } from '../../ffmpeg/runTool.js';
import { writeSealed } from '../writeSealed.js';
import type { ProcessedMedia } from '../ProcessedMedia.js';
import type { PrivateTemp } from '../../startup/privateTemp.js';
import { buildTranscodeArgs, PIPES, POSTER_MAX_WIDTH, previewRungIndex } from './buildTranscodeArgs.js';
import { writeHlsKeyFiles } from './hlsKeyFiles.js';
import { createProgressParser } from './parseProgress.js';
import { pickScenePreview } from './pickScenePreview.js';
import { planLadder } from './planLadder.js';
import { planTrickplay } from './trickplay/planTrickplay.js';
import { sealTrickplay } from './trickplay/sealTrickplay.js';
import { writeMasterPlaylist } from './writeMasterPlaylist.js';

export interface VideoJob {
  input: string;
  mime: string;
  probe: VideoProbe;
  outDir: string;
  hlsKey: ContentKey;
  storageKey: ContentKey;
  /** The ladder's top short side (`VIDEO_MAX_HEIGHT`); the default is 1080. */
  maxShortSide?: number;
  /** Seconds per HLS segment (`HLS_SEGMENT_SECONDS`); the default is 4. */
  segmentSeconds?: number;
  /** Make the seek-bar previews (default); false only for the bench's ladder-alone baseline. */
  trickplay?: boolean;
  /** Where ffmpeg's key-info file lives for the run. */
  temp: PrivateTemp;
  signal?: AbortSignal;
  /** Share of the transcode done, 0..1. */
  onProgress?: (share: number) => void;
}

const THUMB_SIZE = 300;

function conversionFailed(error: unknown): never {
  if (error instanceof ToolFailure && !error.aborted) {
    throw new ProcessingError('MEDIA_005', `video could not be converted (${error.message})`, { cause: error });
  }
  throw error;
}

/** A still frame when the 10 % point yielded none (a one-frame video, a lying duration). */
async function firstFrame(input: string, probe: VideoProbe, signal?: AbortSignal): Promise<Buffer> {
  const { pipes } = await runTool({
    command: 'ffmpeg',
    args: [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'error',
      ...ffmpegInputArgs(input, probe.container),
      '-frames:v',
      '1',
      '-vf',
      `scale=w='min(${POSTER_MAX_WIDTH},iw)':h=-2`,
      '-c:v',
      'png',
      '-f',
      'image2pipe',
      'pipe:3',
    ],
    signal,
    extraPipes: 1,
  }).catch(conversionFailed);
  return pipes[0]!;
}

/**
 * A video becomes an AES-128 HLS ladder with a master playlist, a poster, a cover thumbnail,
 * an animated hover preview, an animated scene preview and seek-bar sprite sheets: all from one
 * ffmpeg decode.
 */
export async function processVideo(job: VideoJob): Promise<ProcessedMedia> {
  const { probe } = job;
  const rungs = planLadder(probe.width, probe.height, job.maxShortSide);
  await Promise.all(rungs.map((rung) => fs.mkdir(path.join(job.outDir, rung.name), { recursive: true })));

  const previewRung = rungs[previewRungIndex(rungs)]!;
  const trickplay =
    job.trickplay === false ? null : planTrickplay(probe.duration, previewRung.width, previewRung.height);
  const keyFiles = await writeHlsKeyFiles(job.hlsKey.key, job.hlsKey.id, job.temp);
  let pipes: Buffer[];
  try {
    const args = buildTranscodeArgs({
      input: job.input,
      probe,
      rungs,
      outDir: job.outDir,
      keyInfoFile: keyFiles.keyInfoFile,
      segmentSeconds: job.segmentSeconds,
      trickplay,
    });
    ({ pipes } = await runTool({
      command: 'ffmpeg',
      args,
      signal: job.signal,
      extraPipes: PIPES.length,
      onStdout: createProgressParser(probe.duration, (share) => job.onProgress?.(share)),
    }).catch(conversionFailed));
  } finally {
    await keyFiles.dispose();
  }
  const [scenes, evenFrames, hoverPreview, posterPng, sheets, sheetCount] = pipes as [
    Buffer,
    Buffer,
    Buffer,
    Buffer,
    Buffer,
    Buffer,
  ];

  const variants = await writeMasterPlaylist(job.outDir, rungs, probe.hasAudio);
  const scenePreview = await pickScenePreview(scenes, evenFrames);
  const preview = hoverPreview.length > 0 ? hoverPreview : scenePreview.webp;
  if (preview.length === 0) throw new ProcessingError('MEDIA_005', 'video yielded no frames to preview');
  const still = posterPng.length > 0 ? posterPng : await firstFrame(job.input, probe, job.signal);
  const [poster, thumb] = await Promise.all([
    sharp(still).webp({ quality: 80 }).toBuffer(),
    sharp(still).resize({ width: THUMB_SIZE, height: THUMB_SIZE, fit: 'cover' }).webp({ quality: 80 }).toBuffer(),
  ]);

  const key = job.storageKey;
  const [posterName, thumbName, previewName, scenesName] = await Promise.all([
    writeSealed(job.outDir, renditions.poster.file, poster, key),
    writeSealed(job.outDir, renditions.thumbnail.file, thumb, key),
    writeSealed(job.outDir, renditions.preview.file, preview, key),
    writeSealed(job.outDir, renditions.scenes.file, scenePreview.webp, key),
  ]);
  const trickplayIndex = trickplay && (await sealTrickplay(job.outDir, trickplay, sheets, sheetCount, key));
  return {
    type: 'video',
    mime: job.mime,
    width: probe.width,
    height: probe.height,
    duration: probe.duration,
    takenAt: probe.recordedAt,
    metadata: {
      codec: probe.codec,
      audioCodec: probe.audioCodec,
      fps: Math.round(probe.fps * 100) / 100,
      pixFmt: probe.pixFmt,
      ...(probe.rotation ? { rotation: probe.rotation } : {}),
      ...(probe.colorTransfer ? { colorTransfer: probe.colorTransfer } : {}),
      scenePreview: { source: scenePreview.source, frames: scenePreview.frames },
    },
    files: {
      stream: renditions.stream.file,
      poster: posterName,
      thumbnail: thumbName,
      preview: previewName,
      scenes: scenesName,
      ...(trickplayIndex ? { trickplay: trickplayIndex.file } : {}),
    },
    variants,
    hlsKeyId: job.hlsKey.id,
  };
}
