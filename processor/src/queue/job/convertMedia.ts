import path from 'node:path';
import { type MediaFile } from '@keepsake/database';
import { bindingFor, sealFile, type ContentKey } from '@keepsake/vault';
import { detectMedia, type DetectedMedia } from '../../detect/detectMedia.js';
import { processImage } from '../../pipelines/image/processImage.js';
import type { ProcessedMedia } from '../../pipelines/ProcessedMedia.js';
import { processVideo } from '../../pipelines/video/processVideo.js';
import { createStaging, type Staging } from '../../publish/staging.js';
import { sealEmbeddedSubtitles } from '../../subtitles/sealEmbedded.js';
import { contentKey } from './contentKey.js';
import type { JobRun } from './jobRun.js';
import { settleEmbeddedMotion } from './settleEmbeddedMotion.js';

export interface Converted {
  processed: ProcessedMedia;
  storageKey: ContentKey;
  staging: Staging;
}

type Item = Pick<MediaFile, 'id' | 'generation'>;

/** Detects what the file is and makes every output, sealed, in a staging folder of its own. */
export async function convertMedia(run: JobRun, input: string, item: Item): Promise<Converted> {
  const { config, keyStore } = run.ctx;
  run.stage('detecting', 4);
  const detected = run.detected ?? (await detectMedia(input, run.signal));
  const storageKey = await contentKey(keyStore, item.id, 'storage', item.generation);
  const staging = await createStaging(config.assetsDir, run.jobId);
  run.staging = staging;
  const originalSealed = config.keepOriginals
    ? sealOriginal(input, staging, item.id, storageKey)
    : Promise.resolve(undefined);
  // Awaited after the conversion; until then a failure must not go unhandled.
  originalSealed.catch(() => undefined);

  const processed = await convertByType(run, { input, detected, item, staging, storageKey });
  run.stage('sealing original', 92);
  await originalSealed;
  run.signal.throwIfAborted();
  return { processed, storageKey, staging };
}

/** Sealing the original runs beside the conversion; it is I/O and AES, the conversion is CPU. */
function sealOriginal(input: string, staging: Staging, mediaId: string, storageKey: ContentKey) {
  return sealFile(
    input,
    staging.originalFile,
    { id: storageKey.id, key: storageKey.key },
    { binding: bindingFor(mediaId, path.basename(staging.originalFile)) },
  );
}

async function convertByType(
  run: JobRun,
  work: { input: string; detected: DetectedMedia; item: Item; staging: Staging; storageKey: ContentKey },
): Promise<ProcessedMedia> {
  const { input, detected, item, staging, storageKey } = work;
  if (detected.type === 'image') {
    run.stage('converting', 10);
    const photo = await processImage({
      input,
      format: detected.format,
      mime: detected.mime,
      outDir: staging.outDir,
      storageKey,
      temp: run.ctx.temp,
      logger: run.logger,
      signal: run.signal,
    });
    return settleEmbeddedMotion(run, photo, { outDir: staging.outDir, storageKey });
  }
  const hlsKey = await contentKey(run.ctx.keyStore, item.id, 'hls', item.generation);
  run.stage('transcoding', 5);
  const video = await processVideo({
    input,
    mime: detected.mime,
    probe: detected.probe,
    outDir: staging.outDir,
    hlsKey,
    storageKey,
    maxShortSide: run.ctx.config.videoMaxHeight,
    segmentSeconds: run.ctx.config.hlsSegmentSeconds,
    temp: run.ctx.temp,
    signal: run.signal,
    onProgress: (share) => run.stage('transcoding', 5 + share * 85),
  });
  run.stage('subtitles', 90);
  const subtitles = await sealEmbeddedSubtitles({
    input,
    probe: detected.probe,
    outDir: staging.outDir,
    variants: video.variants ?? [],
    hlsKey,
    storageKey,
    logger: run.logger,
    signal: run.signal,
  });
  return { ...video, subtitles };
}
