import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { repoRoot } from '@keepsake/launcher';

const run = promisify(execFile);

export interface ComposeService {
  image?: string;
  build?: { context: string; target?: string };
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string | null>;
  volumes?: string[];
  tmpfs?: string[];
  /** `{published, target}` for plain mappings, "127.0.0.1:5432:5432/tcp" for those bound to an address. */
  ports?: (string | { published: number; target: number })[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  restart?: string;
  user?: string;
  profiles?: string[];
  stop_grace_period?: string;
  networks?: Record<string, { ipv4_address?: string } | null>;
}

export interface ComposeConfig {
  services: Record<string, ComposeService>;
  networks: Record<string, { ipam?: { config?: { subnet: string }[] } }>;
}

/**
 * The configuration docker-compose itself resolves from the files (anchors merged, paths made
 * absolute), with nothing set in the environment: the defaults a fresh clone runs with.
 */
export async function readCompose(...files: string[]): Promise<ComposeConfig> {
  const args = files.flatMap((file) => ['-f', file]);
  const { stdout } = await run('docker-compose', [...args, 'config'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  });
  return parse(stdout) as ComposeConfig;
}

/** A service's command line as one string (entrypoint then command). */
export function commandLine(service: ComposeService): string {
  return [...(service.entrypoint ?? []), ...(service.command ?? [])].join(' ');
}

/** Where each of a service's volumes is mounted inside the container → whether read-only. */
export function mounts(service: ComposeService): Map<string, { source: string; readOnly: boolean }> {
  return new Map(
    (service.volumes ?? []).map((volume) => {
      const [source, target, mode] = volume.split(':');
      return [target!, { source: source!, readOnly: mode === 'ro' }] as const;
    }),
  );
}
