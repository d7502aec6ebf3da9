import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { containerSamples, fixtureFile, runTool, writeContainerSample } from '@keepsake/testkit';
import { ffmpegInputArgs } from '../ffmpeg/inputArgs.js';
import { VIDEO_CONTAINER_DEMUXERS } from '../ffmpeg/videoContainers.js';
import { detectMedia } from './detectMedia.js';

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-containers-'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe.each(containerSamples)('$name ($source)', (sample) => {
  test('is detected as a video in its own container, and ffmpeg forced to that demuxer decodes it', async () => {
    const file = await writeContainerSample(dir, sample);
    const detected = await detectMedia(file);
    expect(detected).toMatchObject({ type: 'video', probe: { container: sample.formatName } });
    if (detected.type !== 'video') return;
    expect(VIDEO_CONTAINER_DEMUXERS).toContain(detected.probe.container);
    const args = ['-hide_banner', '-loglevel', 'error', ...ffmpegInputArgs(file, detected.probe.container)];
    await runTool('ffmpeg', [...args, '-f', 'null', '-']);
  });
});

// The real-world files of ../shared/fixtures/media: every one that was a video still is one.
const realWorld = [
  'video/20240128_120909.mp4',
  'video/bbb_prog_10s.mp4',
  'video/ed_hevc.mp4',
  'video/fire2.mp4',
  'video/hevc.mp4',
  'video/stereo_spatial.mp4',
  'video/train.mov',
  'video/transparent.webm',
  'video/no_duration.webm',
];

test.each(realWorld)('the real-world %s is still detected as a video', async (name) => {
  const detected = await detectMedia(fixtureFile(name));
  expect(detected.type).toBe('video');
});

test('a WebM without a duration in its header is measured from its packets', async () => {
  const detected = await detectMedia(fixtureFile('video/no_duration.webm'));
  expect(detected).toMatchObject({ type: 'video', probe: { codec: 'vp9', width: 1280, height: 720 } });
  if (detected.type === 'video') expect(detected.probe.duration).toBeCloseTo(4.94, 1);
});

test.each([
  ['tiny/AudioVideoInterleave.avi', /too small/],
  ['tiny/WindowsMediaVideo.wmv', /too small/],
  ['tiny/webm.webm', /too small/],
  ['tiny/mp4-with-audio.mp4', /audio only/],
])('the real-world %s is still refused for what it is, not for its container', async (name, reason) => {
  await expect(detectMedia(fixtureFile(name))).rejects.toMatchObject({ code: 'MEDIA_004', message: reason });
});
