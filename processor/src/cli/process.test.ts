import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProcessingEnv, generateImage, startProcessorCli, type ProcessingEnv } from '@keepsake/testkit';

let env: ProcessingEnv;
beforeAll(async () => {
  env = await createProcessingEnv({ workers: 1 });
});
afterAll(async () => env?.close());

describe('npm run process', () => {
  test('--help explains the command and its options', async () => {
    const run = startProcessorCli(env.env, ['--help']);
    expect((await run.exited).code).toBe(0);
    expect(run.stdout()).toContain('--once');
    expect(run.stdout()).toContain('--lease-seconds');
  });

  test('a bad master key stops it with a message naming the file, no stack trace', async () => {
    const badKey = path.join(env.privateDir, 'bad.key');
    await fs.writeFile(badKey, 'not-a-key\n');
    const run = startProcessorCli({ ...env.env, MASTER_ENCRYPTION_KEY_FILE: badKey }, ['--once']);
    expect((await run.exited).code).toBe(1);
    expect(run.stderr()).toContain(badKey);
    expect(run.stderr()).not.toMatch(/\n\s+at /);
  });

  test('--once processes the folder, prints a line per file and exits 1 when a file failed', async () => {
    await generateImage({ file: path.join(env.importsDir, 'good.jpg'), width: 64, height: 48, format: 'jpeg' });
    await fs.writeFile(path.join(env.importsDir, 'bad.jpg'), 'not a picture');
    const run = startProcessorCli(env.env, ['--once']);
    const { code } = await run.exited;
    expect(run.stdout()).toMatch(/^done\s+good\.jpg$/m);
    expect(run.stdout()).toMatch(/^FAILED\s+bad\.jpg: MEDIA_004 /m);
    expect(run.stdout()).toMatch(/1 processed, 0 duplicates, 1 failed/);
    expect(code).toBe(1);
  });

  test('--once with nothing to do exits 0', async () => {
    const run = startProcessorCli(env.env, ['--once']);
    expect((await run.exited).code).toBe(0);
    expect(run.stdout()).toMatch(/0 processed, 0 duplicates, 0 failed/);
  });
});
