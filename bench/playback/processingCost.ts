/**
 * What the seek-bar previews (trickplay) and the 1080p rung cost in processing time, against the
 * ladder alone, all in one run on the same 1080p clip: the real video pipeline three ways,
 * interleaved round by round, judged on CPU seconds (this process and its ffmpeg).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ContentKey } from '@keepsake/vault';
import { openPrivateTemp, probeVideo, processVideo } from '@keepsake/processor';
import { clip1080p } from '../shared/benchMedia.js';
import { cpuSeconds } from '../shared/cpuSeconds.js';

/** Issue 12: trickplay adds at most 10 % to processing time. */
export const TRICKPLAY_GOAL = 0.1;

interface Variant {
  name: string;
  maxShortSide: number;
  trickplay: boolean;
}

const variants: Variant[] = [
  { name: 'ladder to 720p', maxShortSide: 720, trickplay: false },
  { name: 'ladder to 1080p', maxShortSide: 1080, trickplay: false },
  { name: 'ladder to 1080p + trickplay', maxShortSide: 1080, trickplay: true },
];

export interface ProcessingCost {
  /** Best CPU and wall seconds of each variant, by name. */
  runs: Record<string, { cpu: number; seconds: number }>;
  /** Extra CPU share trickplay adds to the 1080p ladder. */
  trickplayShare: number;
  /** Extra CPU share the 1080p rung adds to a ladder topped at 720p. */
  rung1080Share: number;
  ok: boolean;
}

const key = (mediaId: string, purpose: 'hls' | 'storage', bytes: number): ContentKey => ({
  id: randomUUID(),
  mediaId,
  purpose,
  generation: 1,
  key: randomBytes(bytes),
  retiredAt: null,
});

async function runOnce(input: string, variant: Variant): Promise<{ cpu: number; seconds: number }> {
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-bench-playback-'));
  const temp = await openPrivateTemp();
  const mediaId = randomUUID();
  try {
    const probe = await probeVideo(input);
    const start = process.hrtime.bigint();
    const cpuStart = cpuSeconds();
    await processVideo({
      input,
      mime: 'video/mp4',
      probe,
      outDir,
      hlsKey: key(mediaId, 'hls', 16),
      storageKey: key(mediaId, 'storage', 32),
      maxShortSide: variant.maxShortSide,
      trickplay: variant.trickplay,
      temp,
    });
    return { cpu: cpuSeconds() - cpuStart, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
  } finally {
    await temp.close();
    await fs.rm(outDir, { recursive: true, force: true });
  }
}

export async function processingCost(rounds = Number(process.env.BENCH_ROUNDS ?? 2)): Promise<ProcessingCost> {
  const input = await clip1080p();
  const all = new Map<string, { cpu: number; seconds: number }[]>(variants.map((v) => [v.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const variant of variants) all.get(variant.name)!.push(await runOnce(input, variant));
  }
  const runs = Object.fromEntries(
    [...all].map(([name, list]) => [
      name,
      { cpu: Math.min(...list.map((r) => r.cpu)), seconds: Math.min(...list.map((r) => r.seconds)) },
    ]),
  );
  const [to720, to1080, withTrickplay] = variants.map((v) => runs[v.name]!.cpu) as [number, number, number];
  const trickplayShare = withTrickplay / to1080 - 1;
  const rung1080Share = to1080 / to720 - 1;
  const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
  console.log(`Processing cost: 1080p 30 s clip, the real video pipeline, best of ${rounds} round(s), CPU / wall`);
  for (const variant of variants) {
    const r = runs[variant.name]!;
    console.log(
      `  ${variant.name.padEnd(30)} ${r.cpu.toFixed(1).padStart(6)} s CPU  ${r.seconds.toFixed(1).padStart(6)} s`,
    );
  }
  const ok = trickplayShare <= TRICKPLAY_GOAL;
  console.log(`  trickplay adds ${pct(trickplayShare)} CPU (goal ≤ ${pct(TRICKPLAY_GOAL)}) ${ok ? 'OK' : 'OVER GOAL'}`);
  console.log(`  the 1080p rung adds ${pct(rung1080Share)} CPU to a ladder topped at 720p (no goal)`);
  return { runs, trickplayShare, rung1080Share, ok };
}
