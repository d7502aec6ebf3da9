import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { sweepStaleUploads } from './sweepStaleUploads.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function upload(dir: string, id: string, hoursAgo: number): void {
  const when = new Date(Date.now() - hoursAgo * 3_600_000);
  for (const file of [id, `${id}.json`]) {
    fs.writeFileSync(path.join(dir, file), 'x');
    fs.utimesSync(path.join(dir, file), when, when);
  }
}

test('removes uploads without progress for 24 h, data and metadata, and keeps the others', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keepsake-partial-'));
  dirs.push(dir);
  upload(dir, 'a'.repeat(32), 25);
  upload(dir, 'b'.repeat(32), 23);
  // Created long ago, but a chunk arrived an hour ago: still in progress.
  upload(dir, 'c'.repeat(32), 48);
  const recent = new Date(Date.now() - 3_600_000);
  fs.utimesSync(path.join(dir, 'c'.repeat(32)), recent, recent);

  expect(await sweepStaleUploads(dir)).toBe(1);
  expect(fs.readdirSync(dir).sort()).toEqual(
    ['b'.repeat(32), `${'b'.repeat(32)}.json`, 'c'.repeat(32), `${'c'.repeat(32)}.json`].sort(),
  );
});
