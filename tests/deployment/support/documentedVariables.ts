import fs from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '@keepsake/launcher';

/** The leading comment block of a script (its --help text). */
async function headerComment(file: string): Promise<string> {
  const lines = (await fs.readFile(path.join(repoRoot, file), 'utf8')).split('\n').slice(1);
  const end = lines.findIndex((line) => !line.startsWith('#'));
  return lines.slice(0, end).join('\n');
}

/** Every NAME in capitals (with an underscore or known as a variable) a script's help documents. */
export async function documentedVariables(file: string): Promise<Set<string>> {
  const header = await headerComment(file);
  return new Set([...header.matchAll(/\b([A-Z][A-Z0-9]*_[A-Z0-9_]+)\b/g)].map((match) => match[1]!));
}
