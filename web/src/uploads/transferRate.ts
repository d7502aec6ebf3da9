/** Bytes per second over the last few seconds, and the time left at that pace: what a person wants to know. */
export interface Sample {
  at: number;
  bytes: number;
}

const WINDOW_MS = 5_000;

export function addSample(samples: Sample[], sample: Sample): Sample[] {
  const kept = samples.filter((s) => sample.at - s.at <= WINDOW_MS);
  return [...kept, sample];
}

export function bytesPerSecond(samples: Sample[]): number | null {
  if (samples.length < 2) return null;
  const first = samples[0]!;
  const last = samples.at(-1)!;
  const seconds = (last.at - first.at) / 1000;
  return seconds > 0 ? (last.bytes - first.bytes) / seconds : null;
}

export function secondsLeft(rate: number | null, remaining: number): number | null {
  return rate && rate > 0 ? remaining / rate : null;
}
