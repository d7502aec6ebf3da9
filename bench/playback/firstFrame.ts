import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import {
  generateVideo,
  launchChromium,
  runTool,
  startStack,
  writeLegacyMasterOrder,
  type Stack,
} from '@keepsake/testkit';

/**
 * Time to first frame in Chromium, and the media bytes fetched before it, for the old HLS
 * layout (10 s segments, top rung listed first: every video made before issue 12) and the
 * new one (4 s segments, 480p start rung first; and 6 s, the other choice), on the same machine, the same video and in
 * the same run, over an emulated VPN link. Runs alternate between the two layouts.
 */

/** A phone on the household's OpenVPN: 10 Mbit/s down, 60 ms each way. */
export const vpnLink = { downloadMbit: 10, uploadMbit: 10, latencyMs: 60 };
const runsPerLayout = 5;
const user = { username: 'bench', password: 'Bench#Mark2025' };

interface Layout {
  name: string;
  file: string;
  env: Record<string, string>;
  legacyMaster: boolean;
}

const layouts: Layout[] = [
  {
    name: 'old: 10 s segments, top rung first',
    file: 'old.mp4',
    env: { HLS_SEGMENT_SECONDS: '10' },
    legacyMaster: true,
  },
  { name: 'new: 4 s segments, 480p first', file: 'new.mp4', env: { HLS_SEGMENT_SECONDS: '4' }, legacyMaster: false },
  // The other choice HLS_SEGMENT_SECONDS offers, so the default is picked by measurement.
  { name: '6 s segments, 480p first', file: 'six.mp4', env: { HLS_SEGMENT_SECONDS: '6' }, legacyMaster: false },
];

export interface FirstFrameRun {
  /** From the master playlist's request to the first frame playing. */
  firstFrameMs: number;
  /** Playlist, key and segment bytes received before then (what a metered phone pays to start). */
  bytes: number;
}

export interface FirstFrameResult {
  layout: string;
  runs: FirstFrameRun[];
}

/**
 * One 720p source, 30 fps, 24 s with sound: the same pixels twice, differing only in a
 * metadata tag so the library keeps two items (it deduplicates by content).
 */
async function makeSources(stack: Stack): Promise<void> {
  const source = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-playback-')), 'source.mp4');
  await generateVideo({ file: source, width: 1280, height: 720, seconds: 24, fps: 30 });
  for (const layout of layouts) {
    const target = path.join(stack.dirs.imports, layout.file);
    await runTool(
      'ffmpeg',
      ['-hide_banner', '-loglevel', 'error', '-y', '-i', source, '-c', 'copy'].concat([
        '-metadata',
        `comment=${layout.file}`,
        target,
      ]),
    );
    // One layout per processing run: HLS_SEGMENT_SECONDS is the processor's setting.
    const processed = await stack.processImports(layout.env);
    if (processed.exitCode !== 0) throw new Error(`processing ${layout.file} failed:\n${processed.output}`);
  }
  await fs.rm(path.dirname(source), { recursive: true, force: true });
}

async function itemIds(stack: Stack): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const rows = await stack.database.db
    .selectFrom('media_files')
    .select(['id', 'original_name', 'playlist_path'])
    .execute();
  for (const layout of layouts) {
    const row = rows.find((candidate) => candidate.original_name === layout.file);
    if (!row?.playlist_path) throw new Error(`${layout.file} was not processed into a stream`);
    if (layout.legacyMaster) await writeLegacyMasterOrder(path.join(stack.dirs.assets, row.playlist_path));
    ids.set(layout.file, row.id);
  }
  return ids;
}

async function signedInState(browser: Browser, stack: Stack): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.baseUrl}/sign-in`);
  await page.getByLabel('Username or email').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Gallery' }).waitFor({ state: 'attached' });
  const state = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-bench-')), 'state.json');
  await context.storageState({ path: state });
  await context.close();
  return state;
}

const isMedia = (url: string) => /\/api\/media\/(stream|segment|keys)\//.test(url);

/**
 * Opens the viewer on the item in a fresh context (empty cache) behind the emulated link and
 * waits for its first frame ('playing'). Bytes are counted by the DevTools protocol as they
 * arrive, up to the moment the page reports the frame.
 */
async function timeOneStart(browser: Browser, stack: Stack, storageState: string, id: string): Promise<FirstFrameRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, storageState });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: vpnLink.latencyMs,
      downloadThroughput: (vpnLink.downloadMbit * 1e6) / 8,
      uploadThroughput: (vpnLink.uploadMbit * 1e6) / 8,
    });
    const mediaRequests = new Set<string>();
    let bytes = 0;
    let bytesAtFrame: number | null = null;
    cdp.on('Network.requestWillBeSent', (event) => {
      if (isMedia(event.request.url)) mediaRequests.add(event.requestId);
    });
    cdp.on('Network.dataReceived', (event) => {
      if (mediaRequests.has(event.requestId)) bytes += event.encodedDataLength || event.dataLength;
    });
    await page.exposeBinding('benchFirstFrame', () => {
      bytesAtFrame ??= bytes;
    });
    // Media events do not bubble; a capturing listener on the document sees the player's.
    await page.addInitScript(`document.addEventListener('playing', () => {
      performance.mark('bench:first-frame');
      window.benchFirstFrame();
    }, { capture: true, once: true });`);
    await page.goto(`${stack.baseUrl}/?item=${id}`);
    await page.waitForFunction(() => performance.getEntriesByName('bench:first-frame').length > 0, undefined, {
      timeout: 60_000,
    });
    const timeline = await page.evaluate(() => ({
      frame: performance.getEntriesByName('bench:first-frame')[0]!.startTime,
      master: performance.getEntriesByType('resource').find((entry) => entry.name.includes('/api/media/stream/'))
        ?.startTime,
    }));
    if (timeline.master === undefined) throw new Error('the master playlist was never requested');
    await context.storageState({ path: storageState });
    return { firstFrameMs: timeline.frame - timeline.master, bytes: bytesAtFrame ?? bytes };
  } finally {
    await context.close();
  }
}

/** The whole measurement: one stack, both layouts, alternating runs after one warm-up each. */
export async function measureFirstFrame(): Promise<FirstFrameResult[]> {
  // Each run is a new player: the streams of closed ones must not count against the next.
  const stack = await startStack({ env: { MAX_CONCURRENT_STREAMS: '100' } });
  // Autoplay as a tap would allow it: the first frame is what is measured, not the policy.
  const browser = await launchChromium({ args: ['--autoplay-policy=no-user-gesture-required'] });
  try {
    await stack.createUser(user);
    await makeSources(stack);
    const ids = await itemIds(stack);
    const state = await signedInState(browser, stack);
    const results = layouts.map((layout) => ({ layout: layout.name, runs: [] as FirstFrameRun[] }));
    for (const layout of layouts) await timeOneStart(browser, stack, state, ids.get(layout.file)!);
    for (let run = 0; run < runsPerLayout; run += 1)
      for (const [i, layout] of layouts.entries())
        results[i]!.runs.push(await timeOneStart(browser, stack, state, ids.get(layout.file)!));
    return results;
  } finally {
    await browser.close();
    await stack.stop();
  }
}
