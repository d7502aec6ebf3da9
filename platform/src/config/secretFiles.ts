import fs from 'node:fs';
import { ConfigError } from './ConfigError.js';

/**
 * Docker secrets and similar arrive as files: for every `NAME_FILE` in the
 * environment, read the file into `NAME` (trailing newline dropped). Setting
 * both is a mistake we refuse rather than guess about.
 */
export function expandSecretFiles(env: NodeJS.ProcessEnv, names: readonly string[]): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  for (const name of names) {
    const file = env[`${name}_FILE`];
    if (!file) continue;
    if (env[name]) {
      throw new ConfigError(`${name} and ${name}_FILE are both set; keep one`);
    }
    try {
      out[name] = fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      throw new ConfigError(`${name}_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  return out;
}
