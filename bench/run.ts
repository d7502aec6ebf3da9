import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench`: every benchmark (bench/<part>/bench.ts), one after another, each
 * printing its figures next to its baseline. `npm run bench -- web` runs only bench/web.
 */
const benchDir = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const flags = process.argv.slice(2).filter((arg) => arg.startsWith('--'));
const parts = fs
  .readdirSync(benchDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(benchDir, entry.name, 'bench.ts')))
  .map((entry) => entry.name)
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

let failed = 0;
for (const part of parts) {
  const result = spawnSync('npx', ['tsx', '--conditions=source', path.join(benchDir, part, 'bench.ts'), ...flags], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed += 1;
}
if (parts.length === 0) console.error(`no benchmark matches ${wanted.join(', ')}`);
process.exit(failed > 0 || parts.length === 0 ? 1 : 0);
