/**
 * Throughput of the sealed-file format against plain copies of the same files.
 * Key rotation re-seals every file, so resealFile is measured against copying:
 * the target is at least half the speed of a plain copy.
 *
 *   npm run bench -- sealed   (or: npx tsx --conditions=source bench/sealed/run.ts) [--mib 64] [--rounds 5]
 *
 * Rounds are interleaved and medians reported, since other work on the machine skews single runs.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { openSealedStream, resealFile, sealFile, type KeyResolver } from '@keepsake/vault';

const { values } = parseArgs({
  options: { mib: { type: 'string', default: '64' }, rounds: { type: 'string', default: '5' } },
});
const mib = Number(values.mib);
const rounds = Number(values.rounds);
const smallFiles = 200;
const smallSize = 24 * 1024; // a thumbnail

const keys = [0, 1].map(() => ({ id: randomUUID(), key: randomBytes(32) }));
const resolve: KeyResolver = async (id) => keys.find((k) => k.id === id)?.key;

const dir = await mkdtemp(path.join(tmpdir(), 'keepsake-bench-'));
const at = (name: string) => path.join(dir, name);
const small = (kind: string, i: number) => at(`${kind}-${i}`);

/** Small files are handled a few at a time, as a batch job would, so per-file latency overlaps. */
async function eachFile(work: (index: number) => Promise<unknown>, concurrency = 4): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < smallFiles) await work(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const cases: Record<string, { bytes: number; run: () => Promise<unknown> }> = {
  'large: copyFile': { bytes: mib << 20, run: () => copyFile(at('plain'), at('copy')) },
  'large: stream copy': {
    bytes: mib << 20,
    run: () => pipeline(createReadStream(at('plain')), createWriteStream(at('copy'))),
  },
  'large: sealFile': { bytes: mib << 20, run: () => sealFile(at('plain'), at('sealed'), keys[0]!) },
  'large: openSealedStream': {
    bytes: mib << 20,
    run: async () => pipeline(await openSealedStream(at('sealed'), resolve), createWriteStream(at('opened'))),
  },
  'large: resealFile': { bytes: mib << 20, run: () => resealFile(at('sealed'), at('resealed'), resolve, keys[1]!) },
  'small: copyFile': {
    bytes: smallFiles * smallSize,
    run: () => eachFile((i) => copyFile(small('plain', i), small('copy', i))),
  },
  'small: resealFile': {
    bytes: smallFiles * smallSize,
    run: () => eachFile((i) => resealFile(small('sealed', i), small('resealed', i), resolve, keys[1]!)),
  },
};

try {
  await writeFile(at('plain'), randomBytes(mib << 20));
  await sealFile(at('plain'), at('sealed'), keys[0]!);
  for (let i = 0; i < smallFiles; i++) {
    await writeFile(small('plain', i), randomBytes(smallSize));
    await sealFile(small('plain', i), small('sealed', i), keys[0]!);
  }
  const samples = new Map(Object.keys(cases).map((name) => [name, [] as number[]]));
  for (let round = 0; round < rounds; round++)
    for (const [name, { bytes, run }] of Object.entries(cases))
      samples.get(name)!.push(bytes / 2 ** 20 / ((await timed(run)) / 1000));

  const median = (name: string) => {
    const sorted = [...samples.get(name)!].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  for (const name of Object.keys(cases)) console.log(`${name.padEnd(26)} ${median(name).toFixed(0).padStart(6)} MiB/s`);
  const ratio = (a: string, b: string) => `${((100 * median(a)) / median(b)).toFixed(0)} %`;
  console.log(`reseal / copyFile, large:  ${ratio('large: resealFile', 'large: copyFile')}`);
  console.log(`reseal / stream copy, large: ${ratio('large: resealFile', 'large: stream copy')}`);
  console.log(`reseal / copyFile, small:  ${ratio('small: resealFile', 'small: copyFile')}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
