import { setUpTestDatabases } from '@keepsake/testkit';
import { measureFirstFrame, vpnLink, type FirstFrameResult } from './firstFrame.js';
import { processingCost } from './processingCost.js';

/**
 * bench/playback: how video starts and what it costs, every part in one run on this machine.
 * Each section measures, prints its rows and returns what missed its goal; a new section is
 * one more line in `sections`.
 */
type Section = () => Promise<string[]>;

const sections: Section[] = [firstFrameSection, processingCostSection];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${(value / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

/** Time to first frame and bytes before it, old layout against new (goal: the new one starts faster). */
async function firstFrameSection(): Promise<string[]> {
  const results: FirstFrameResult[] = await measureFirstFrame();
  console.log(
    `time to first frame in Chromium over ${vpnLink.downloadMbit} Mbit/s, ${vpnLink.latencyMs} ms (DevTools emulation), median of ${results[0]!.runs.length}`,
  );
  for (const { layout, runs } of results) {
    const times = runs.map((run) => run.firstFrameMs);
    console.log(
      `  ${layout.padEnd(38)} ${ms(median(times)).padEnd(8)} (min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))})` +
        `  bytes before it ${mb(median(runs.map((run) => run.bytes)))}`,
    );
  }
  const [old, fresh, six] = results.map(({ runs }) => median(runs.map((run) => run.firstFrameMs)));
  const failures = [];
  if (fresh! >= old!) failures.push(`the new layout starts no faster (${ms(fresh!)} against ${ms(old!)})`);
  // Close calls between 4 and 6 s are noise; say so rather than fail.
  if (six !== undefined)
    console.log(`  the default (4 s) ${six > fresh! ? 'starts sooner than' : 'is NOT faster than'} 6 s segments`);
  return failures;
}

/** Trickplay's and the 1080p rung's processing cost against the ladder alone (prints its own rows). */
async function processingCostSection(): Promise<string[]> {
  const cost = await processingCost();
  return cost.ok ? [] : ['processing cost missed its goal (see the rows above)'];
}

async function main(): Promise<number> {
  console.log('bench/playback');
  const teardown = await setUpTestDatabases();
  const failures: string[] = [];
  try {
    for (const section of sections) failures.push(...(await section()));
  } finally {
    await teardown();
  }
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
