import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderEnvExample } from './envExample.js';

describe('.env.example', () => {
  it('documents every variable with its default, exactly as the code has them', () => {
    const committed = fs.readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    expect(committed, 'run `npm run env-example > .env.example`').toBe(renderEnvExample());
  });

  it('never allows the Docker ranges by default', () => {
    const line = renderEnvExample()
      .split('\n')
      .find((l) => l.startsWith('ALLOWED_NETWORKS='));
    expect(line).toBe('ALLOWED_NETWORKS=127.0.0.1/32,::1/128,192.168.1.0/24,10.8.0.0/24');
    expect(line).not.toMatch(/172\.1[6-9]|172\.2|172\.3[01]|172\.17/);
  });
});
