import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import prettier from 'prettier';
import { repoPath } from './repoPath.js';

/** Where the web's API types live, checked in; `npm run api-types` writes them. */
export const apiTypesFile = repoPath('web/src/api/generated/openapi.ts');

const header = `/**
 * Generated from the server's OpenAPI document by \`npm run api-types\`: do not edit.
 * A test (server/src/openapi/apiTypes.test.ts) fails when this is not what the server publishes.
 */
`;

/** TypeScript types for the document's paths and schemas (openapi-typescript), formatted as the repo is. */
export async function renderApiTypes(document: Record<string, unknown>): Promise<string> {
  const source = header + astToString(await openapiTS(document as unknown as OpenAPI3));
  const options = await prettier.resolveConfig(apiTypesFile);
  return prettier.format(source, { ...options, filepath: apiTypesFile });
}
