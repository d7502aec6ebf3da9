import { describe, expect, it } from 'vitest';
import { findIgnoredSettings, ignoredSettings } from './ignoredSettings.js';
import { processorSpecs, serverSpecs } from './specs.js';

describe("the design document's settings Keepsake ignores", () => {
  it('names each one present with its replacement, never its value', () => {
    const found = findIgnoredSettings({
      DB_HOST: 'postgres',
      DB_PASSWORD: 'secure_password',
      MASTER_ENCRYPTION_KEY: 'your_master_key_here',
      SERVER_PORT: '1027',
      MAX_WORKERS: '4',
      DATABASE_URL: 'postgres://x',
    });
    expect(found.map((s) => s.name)).toEqual([
      'DB_HOST',
      'DB_PASSWORD',
      'MASTER_ENCRYPTION_KEY',
      'SERVER_PORT',
      'MAX_WORKERS',
    ]);
    expect(found.find((s) => s.name === 'DB_HOST')?.message).toMatch(/DATABASE_URL/);
    expect(found.find((s) => s.name === 'MAX_WORKERS')?.use).toBe('WORKERS');
    expect(found.find((s) => s.name === 'MASTER_ENCRYPTION_KEY')?.message).toMatch(
      /MASTER_ENCRYPTION_KEY_FILE.*never taken inline/,
    );
    expect(JSON.stringify(found)).not.toMatch(/secure_password|your_master_key_here/);
  });

  it('lists only settings Keepsake really does not read', () => {
    const read = new Set([...Object.keys(serverSpecs), ...Object.keys(processorSpecs)]);
    for (const name of Object.keys(ignoredSettings)) expect(read.has(name), name).toBe(false);
  });
});
