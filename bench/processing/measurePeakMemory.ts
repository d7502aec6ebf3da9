import fs from 'node:fs';

function rssBytes(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * Samples the resident memory of this process plus every process it started (ffmpeg,
 * heif-convert), so "peak memory" is the processor's whole footprint, not Node's alone.
 */
export function measurePeakMemory(everyMs = 100): { stop(): number } {
  let peak = 0;
  const sample = () => {
    const tree = [process.pid];
    for (let i = 0; i < tree.length; i++) tree.push(...childrenOf(tree[i]!));
    peak = Math.max(
      peak,
      tree.reduce((sum, pid) => sum + rssBytes(pid), 0),
    );
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
