import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  embedSubtitles,
  generateVideo,
  saveScreenshot,
  srtText,
  startBrowserStack,
  stopBrowserStack,
  type SampleCue,
  type Stack,
} from '@keepsake/testkit';
import { signInThroughForm } from './support/signIn.js';

const anna = { login: 'anna', password: 'Kitchen#Table7' };
const cues = (who: string): SampleCue[] => [
  { start: 1, end: 3, text: `Hello from ${who}` },
  { start: 5, end: 7, text: `Goodbye from ${who}` },
];

/** What the page's video shows now: its time and the text of every active cue of a showing track. */
interface ShownCues {
  time: number;
  tracks: number;
  cues: string[];
}

interface CueShape {
  text?: string;
}
interface TextTrackShape {
  mode: string;
  activeCues: { length: number; [index: number]: CueShape } | null;
}
interface SubtitledVideo {
  currentTime: number;
  pause(): void;
  textTracks: { length: number; [index: number]: TextTrackShape };
}

/** Subtitles in Chromium through hls.js: a sidecar .srt and an embedded mov_text track. */
describe('Subtitles', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ stack, browser } = await startBrowserStack({
      users: [{ username: anna.login, password: anna.password, fullName: 'Anna Berg' }],
      prepare: async (started) => {
        const imports = started.dirs.imports;
        // Different sizes: identical files would be one item.
        await generateVideo({ file: path.join(imports, 'talk.mp4'), width: 320, height: 240, seconds: 8 });
        await fs.writeFile(path.join(imports, 'talk.en.srt'), srtText(cues('the sidecar')));
        const plain = path.join(started.dirs.root, 'interview-plain.mp4');
        await generateVideo({ file: plain, width: 336, height: 240, seconds: 8 });
        await embedSubtitles(plain, path.join(imports, 'interview.mp4'), cues('inside'), { language: 'eng' });
        await fs.rm(plain);
        const processed = await started.processImports();
        expect(processed.exitCode, processed.output).toBe(0);
      },
    }));
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  });

  afterAll(() => stopBrowserStack({ stack, browser }));

  const shownAt = (seconds: number) =>
    page.locator('video.player-video').evaluate((element, at): ShownCues => {
      const video = element as unknown as SubtitledVideo;
      video.pause();
      if (Math.abs(video.currentTime - at) > 0.05) video.currentTime = at;
      const shown: string[] = [];
      let tracks = 0;
      for (let i = 0; i < video.textTracks.length; i++) {
        const track = video.textTracks[i]!;
        if (track.mode !== 'showing') continue;
        tracks += 1;
        const active = track.activeCues;
        for (let j = 0; active && j < active.length; j++) shown.push(active[j]!.text ?? '');
      }
      return { time: video.currentTime, tracks, cues: shown };
    }, seconds);

  async function expectCueAt(seconds: number, text: string | null) {
    await expect
      .poll(
        async () => {
          const shown = await shownAt(seconds);
          return Math.abs(shown.time - seconds) < 0.1 && shown.tracks === 1 ? shown.cues : ['(not yet)'];
        },
        { timeout: 30_000, interval: 250 },
      )
      .toEqual(text === null ? [] : [text]);
  }

  it('signs in', async () => {
    await signInThroughForm(page, stack.baseUrl, anna);
  });

  for (const [name, track, who] of [
    ['talk.mp4', 'en', 'the sidecar'],
    ['interview.mp4', 'eng', 'inside'],
  ] as const) {
    it(`${name}: offers its subtitle track, off at first, and shows each cue at its time`, async () => {
      await page.goto(`${stack.baseUrl}/`);
      await page.getByRole('link', { name: new RegExp(`^Video, .*: ${name.replace('.', '\\.')}$`) }).click();
      const dialog = page.getByRole('dialog', { name });
      const menu = dialog.getByLabel('Subtitles');
      await menu.waitFor({ timeout: 60_000 });
      expect(await menu.inputValue()).toBe('-1');
      expect(await menu.locator('option').allTextContents()).toEqual(['Off', track]);

      await menu.selectOption({ label: track });
      await expectCueAt(2, `Hello from ${who}`);
      await saveScreenshot(page, `subtitles-${name}`);
      await expectCueAt(4, null);
      await expectCueAt(6, `Goodbye from ${who}`);

      await menu.selectOption({ label: 'Off' });
      await expect.poll(async () => (await shownAt(6)).tracks).toBe(0);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    });
  }
});
