import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/testApp.js';
import { describeApi } from './describeApi.js';
import { apiTypesFile, renderApiTypes } from './renderApiTypes.js';

describe("the web's API types", () => {
  it('are what the server publishes (else: npm run api-types)', async () => {
    const expected = await renderApiTypes(await describeApi());
    const checkedIn = await fs.readFile(apiTypesFile, 'utf8');
    expect(checkedIn === expected, 'web/src/api/generated/openapi.ts is stale: run `npm run api-types`').toBe(true);
  });

  it('come from the same document the running server serves at /api/docs/json', async () => {
    const h = await createTestApp();
    try {
      const served = await h.app.inject({ method: 'GET', url: '/api/docs/json' });
      expect(served.statusCode).toBe(200);
      expect(served.json()).toEqual(JSON.parse(JSON.stringify(await describeApi())));
    } finally {
      await h.close();
    }
  });
});
