import fs from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '@keepsake/launcher';

export interface DockerStage {
  name: string;
  from: string;
  env: Record<string, string>;
  /** Each COPY's arguments, flags (--from, --chown) left out: sources then destination. */
  copies: { from?: string; sources: string[]; destination: string }[];
  user?: string;
  workdir?: string;
  expose: string[];
  run: string[];
  cmd?: string;
}

export interface Dockerfile {
  args: Record<string, string>;
  stages: Map<string, DockerStage>;
}

/** `A=1 B="two words"` → {A: '1', B: 'two words'} */
function envPairs(text: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const match of text.matchAll(/([A-Z_][A-Z0-9_]*)=("[^"]*"|\S*)/g))
    pairs[match[1]!] = match[2]!.replace(/^"|"$/g, '');
  return pairs;
}

/**
 * The Dockerfile by stage: enough of its instructions to compare with compose and the native
 * start (ENV inherited from the stage it builds on).
 */
export async function readDockerfile(file = path.join(repoRoot, 'Dockerfile')): Promise<Dockerfile> {
  const text = (await fs.readFile(file, 'utf8')).replace(/\\\n/g, ' ');
  const args: Record<string, string> = {};
  const stages = new Map<string, DockerStage>();
  let stage: DockerStage | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [instruction, ...rest] = line.split(/\s+/);
    const body = rest.join(' ');
    switch (instruction!.toUpperCase()) {
      case 'ARG':
        if (!stage) Object.assign(args, envPairs(body));
        break;
      case 'FROM': {
        const [from, , name] = rest;
        const base = stages.get(from!);
        stage = {
          name: name!,
          from: from!,
          env: { ...(base?.env ?? {}) },
          copies: [],
          user: base?.user,
          workdir: base?.workdir,
          expose: [],
          run: [],
        };
        stages.set(name!, stage);
        break;
      }
      case 'ENV':
        Object.assign(stage!.env, envPairs(body));
        break;
      case 'COPY': {
        const from = /--from=(\S+)/.exec(body)?.[1];
        const paths = rest.filter((part) => !part.startsWith('--'));
        stage!.copies.push({ from, sources: paths.slice(0, -1), destination: paths.at(-1)! });
        break;
      }
      case 'USER':
        stage!.user = body;
        break;
      case 'WORKDIR':
        stage!.workdir = body;
        break;
      case 'EXPOSE':
        stage!.expose.push(...rest);
        break;
      case 'RUN':
        stage!.run.push(body);
        break;
      case 'CMD':
        stage!.cmd = body;
        break;
    }
  }
  return { args, stages };
}
