import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ensureWebBuild,
  generateImage,
  launchChromium,
  setUpTestDatabases,
  startStack,
  watchConsole,
} from '@keepsake/testkit';
import { measureInitialJavaScript } from './initialJavaScript.js';
import { seedLibrary } from './seedLibrary.js';
import { timeToFirstTiles, type FirstTilesTiming } from './timeToFirstTiles.js';

/**
 * bench/web: the gallery's initial JavaScript (gzipped; goal ≤ 150 KB, hls.js only in the
 * player chunk) and, for a 500-item library on loopback, the time to the first tiles in
 * Chromium from the Performance API. `--update-baseline` (npx tsx --conditions=source bench/web/run.ts --update-baseline) records this run as the baseline.
 */
const goalGzipBytes = 150 * 1024;
const libraryItems = 500;
const runs = 7;
const baselineFile = fileURLToPath(new URL('./baseline.json', import.meta.url));

interface Baseline {
  initialJsGzipBytes: number;
  firstTilesMs: number;
  firstThumbnailMs: number | null;
  recorded: string;
  machine: string;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${Math.round(value)} ms`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const row = (label: string, value: string, baseline: string) =>
  console.log(`${label.padEnd(34)} ${value.padEnd(30)} baseline ${baseline}`);

async function readBaseline(): Promise<Baseline | null> {
  try {
    return JSON.parse(await fs.readFile(baselineFile, 'utf8')) as Baseline;
  } catch {
    return null;
  }
}

async function measureFirstTiles(): Promise<FirstTilesTiming[]> {
  const stack = await startStack();
  const browser = await launchChromium();
  try {
    const user = { username: 'bench', password: 'Bench#Mark2025' };
    await stack.createUser(user);
    await generateImage({ file: path.join(stack.dirs.imports, 'seed.jpg'), width: 1200, height: 800, format: 'jpeg' });
    const processed = await stack.processImports();
    if (processed.exitCode !== 0) throw new Error(`processing the seed photo failed:\n${processed.output}`);
    await seedLibrary(stack.database.db, libraryItems);

    // Sign in once; every measured load starts from this saved cookie, as a returning visit does.
    const context = await browser.newContext();
    const page = await context.newPage();
    const console_ = watchConsole(page);
    await page.goto(`${stack.baseUrl}/sign-in`);
    await page.getByLabel('Username or email').fill(user.username);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('a.tile').first().waitFor();
    const state = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-bench-')), 'state.json');
    await context.storageState({ path: state });
    await context.close();
    if (console_.errors().length > 0) throw new Error(`console errors:\n${console_.errors().join('\n')}`);

    const timings: FirstTilesTiming[] = [];
    // The first load warms caches (build files, database pages) and is not counted.
    await timeToFirstTiles(browser, state, `${stack.baseUrl}/`);
    for (let run = 0; run < runs; run += 1) {
      timings.push(await timeToFirstTiles(browser, state, `${stack.baseUrl}/`));
    }
    return timings;
  } finally {
    await browser.close();
    await stack.stop();
  }
}

async function main(): Promise<number> {
  const updateBaseline = process.argv.includes('--update-baseline');
  const baseline = await readBaseline();
  const distDir = await ensureWebBuild();
  const js = await measureInitialJavaScript(distDir);

  console.log('bench/web');
  row(
    'initial JavaScript, gzipped',
    `${kb(js.gzipBytes)} (goal ≤ ${kb(goalGzipBytes)})`,
    baseline ? kb(baseline.initialJsGzipBytes) : '—',
  );
  for (const file of js.files) console.log(`  ${file.file}: ${kb(file.bytes)} → ${kb(file.gzipBytes)} gzipped`);
  console.log(
    `hls.js in the initial JavaScript:  ${js.hlsInInitial ? 'YES' : 'no'}; it is in ${js.hlsChunk ?? 'no chunk at all'}`,
  );

  const teardown = await setUpTestDatabases();
  let timings: FirstTilesTiming[];
  try {
    timings = await measureFirstTiles();
  } finally {
    await teardown();
  }
  const tiles = median(timings.map((t) => t.firstTilesMs));
  const thumbnails = timings.map((t) => t.firstThumbnailMs).filter((t): t is number => t !== null);
  const thumbnail = thumbnails.length > 0 ? median(thumbnails) : null;
  const library = timings.map((t) => t.libraryResponseMs).filter((t): t is number => t !== null);
  const spread = (values: number[]) => `min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))}`;
  row(
    `first tiles, ${libraryItems} items (median)`,
    `${ms(tiles)} (${spread(timings.map((t) => t.firstTilesMs))})`,
    ms(baseline?.firstTilesMs),
  );
  row('first thumbnail decoded (median)', ms(thumbnail), ms(baseline?.firstThumbnailMs));
  const at = (pick: (t: FirstTilesTiming) => number | null) => {
    const values = timings.map(pick).filter((t): t is number => t !== null);
    return values.length > 0 ? ms(median(values)) : '—';
  };
  console.log(
    `  medians: scripts ready ${at((t) => t.scriptsReadyMs)}, refresh answered ${at((t) => t.refreshResponseMs)},` +
      ` library asked ${at((t) => t.libraryStartMs)}, library arrived ${ms(median(library))}`,
  );
  console.log(`  tiles in the first screen: ${timings[0]?.tiles}; ${runs} loads after one warm-up`);

  if (updateBaseline) {
    const next: Baseline = {
      initialJsGzipBytes: js.gzipBytes,
      firstTilesMs: Math.round(tiles),
      firstThumbnailMs: thumbnail === null ? null : Math.round(thumbnail),
      recorded: new Date().toISOString().slice(0, 10),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${os.platform()}`,
    };
    await fs.writeFile(baselineFile, `${JSON.stringify(next, null, 2)}\n`);
    console.log(`baseline written to ${path.relative(process.cwd(), baselineFile)}`);
  }

  const failures = [];
  if (js.gzipBytes > goalGzipBytes)
    failures.push(`initial JavaScript ${kb(js.gzipBytes)} exceeds ${kb(goalGzipBytes)}`);
  if (js.hlsInInitial) failures.push('hls.js is in the initial JavaScript');
  if (!js.hlsChunk) failures.push('hls.js was not found in any chunk (the check itself is broken)');
  for (const failure of failures) console.error(`FAIL: ${failure}`);
  return failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
