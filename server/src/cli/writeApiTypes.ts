import fs from 'node:fs/promises';
import { runCli } from '@keepsake/platform';
import { describeApi } from '../openapi/describeApi.js';
import { apiTypesFile, renderApiTypes } from '../openapi/renderApiTypes.js';

const help = `npm run api-types: writes web/src/api/generated/openapi.ts from the server's OpenAPI document.
Run it after changing a route's schema; a test fails while the file is stale.`;

runCli(async () => {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${help}\n`);
    return;
  }
  await fs.writeFile(apiTypesFile, await renderApiTypes(await describeApi()));
  process.stdout.write(`wrote ${apiTypesFile}\n`);
});
