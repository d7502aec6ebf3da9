import http from 'node:http';

export interface Sample {
  ms: number;
  status: number;
  bytes: number;
}

export interface LoadOptions {
  port: number;
  /** Path (and query) of each request, by request number. */
  path: (i: number) => string;
  headers?: Record<string, string>;
  requests: number;
  concurrency: number;
}

/** Keep-alive HTTP/1.1 GETs on loopback, `concurrency` at a time, each timed from send to last byte. */
export async function runLoad(options: LoadOptions): Promise<{ samples: Sample[]; seconds: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const samples: Sample[] = [];
  let next = 0;
  const one = (i: number) =>
    new Promise<Sample>((resolve, reject) => {
      const start = process.hrtime.bigint();
      const request = http.get(
        { host: '127.0.0.1', port: options.port, path: options.path(i), headers: options.headers, agent },
        (response) => {
          let bytes = 0;
          response.on('data', (chunk: Buffer) => (bytes += chunk.length));
          response.on('end', () =>
            resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, status: response.statusCode ?? 0, bytes }),
          );
          response.on('error', reject);
        },
      );
      request.on('error', reject);
    });
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.requests) samples.push(await one(next++));
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return { samples, seconds };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summary(samples: Sample[]) {
  const ms = samples.map((s) => s.ms);
  return {
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    failures: samples.filter((s) => s.status !== 200).length,
  };
}
