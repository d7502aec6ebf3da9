import { renditions } from '@keepsake/contracts';
import type { App } from '../app/types.js';
import type { MediaPurpose, SignedResource } from '../media/MediaUrlSigner.js';
import type { JsonSchema } from './schemaSamples.js';

/** Requests made from the app's own OpenAPI document (the fuzz test, the unknown-parameter test). */

export interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  parameters?: Parameter[];
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export type Spec = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

export function openApiSpec(app: App): Spec {
  return app.swagger() as unknown as Spec;
}

export function resolveSchema(spec: Spec, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.split('/').at(-1)!;
  return spec.components?.schemas?.[name] ?? {};
}

/** The purpose a media route's token is signed for: /api/media/<kind>/… */
function mediaPurposeOf(route: string): MediaPurpose {
  const kind = /^\/api\/media\/([a-z]+)\//.exec(route)?.[1] ?? '';
  return kind in renditions ? renditions[kind as keyof typeof renditions].purpose : 'stream';
}

/** A media URL's token for the id in its path, so the checks behind the auth hook are reached. */
export function mediaTokenFor(app: App, sessionId: string, route: string, path: Record<string, unknown>): string {
  const resource: SignedResource =
    'keyId' in path
      ? `key:${String(path.keyId)}`
      : route.startsWith('/api/media/download/')
        ? `download:${String(path.id)}`
        : `${mediaPurposeOf(route)}:${String(path.id)}`;
  return app.mediaUrls.sign(sessionId, resource);
}

/** The route's OpenAPI path (`/api/media/{id}`) filled in, with its query string. */
export function requestUrl(route: string, path: Record<string, unknown>, query: Record<string, unknown>): string {
  const filled = route.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String(path[name])));
  const search = new URLSearchParams(
    Object.entries(query).map(([name, value]): [string, string] => [
      name,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
  return search.size > 0 ? `${filled}?${search}` : filled;
}
