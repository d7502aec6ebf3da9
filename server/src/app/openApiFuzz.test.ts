import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import {
  mediaTokenFor,
  openApiSpec,
  requestUrl,
  resolveSchema as resolve,
  type Spec,
} from '../testing/openApiRequests.js';
import { appWithAdmin } from '../testing/appWithAdmin.js';
import type { TestApp } from '../testing/testApp.js';
import { sampleValue, wrongValues, type JsonSchema } from '../testing/schemaSamples.js';
import { signIn, type SignedIn } from '../testing/testUsers.js';

/** A request before mutation: path params, query and body all acceptable. */
interface Baseline {
  method: string;
  route: string;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: Record<string, unknown> | undefined;
  bodySchema: JsonSchema | undefined;
  querySchemas: Record<string, JsonSchema>;
  pathSchemas: Record<string, JsonSchema>;
}

function baselines(spec: Spec): Baseline[] {
  return (
    Object.entries(spec.paths)
      // The event stream takes no input and never ends by design (events.test.ts covers it).
      .filter(([route]) => route.startsWith('/api/') && !route.startsWith('/api/docs') && route !== '/api/events')
      .flatMap(([route, methods]) =>
        Object.entries(methods).map(([method, operation]) => {
          const params = operation.parameters ?? [];
          const pathSchemas = Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, p.schema]));
          const querySchemas = Object.fromEntries(
            params.filter((p) => p.in === 'query').map((p) => [p.name, p.schema]),
          );
          const bodySchema = operation.requestBody?.content['application/json']?.schema;
          return {
            method: method.toUpperCase(),
            route,
            path: Object.fromEntries(Object.entries(pathSchemas).map(([name, schema]) => [name, sampleValue(schema)])),
            query: Object.fromEntries(
              params.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, sampleValue(p.schema)]),
            ),
            body: bodySchema ? (sampleValue(resolve(spec, bodySchema)) as Record<string, unknown>) : undefined,
            bodySchema: bodySchema && resolve(spec, bodySchema),
            querySchemas,
            pathSchemas,
          };
        }),
      )
  );
}

/** Every way to get a request wrong that the schema should catch. */
function* mutations(b: Baseline): Generator<{ name: string; path: object; query: object; body: unknown }> {
  const same = { path: b.path, query: b.query, body: b.body };
  yield { name: 'baseline', ...same };
  for (const [name, schema] of Object.entries(b.pathSchemas)) {
    for (const value of wrongValues(schema))
      yield { name: `path ${name}=${String(value).slice(0, 20)}`, ...same, path: { ...b.path, [name]: value } };
  }
  for (const [name, schema] of Object.entries(b.querySchemas)) {
    for (const value of wrongValues(schema))
      yield { name: `query ${name}`, ...same, query: { ...b.query, [name]: value } };
  }
  yield { name: 'unknown query field', ...same, query: { ...b.query, surprise: 'yes' } };
  if (!b.bodySchema || !b.body) return;
  const properties = b.bodySchema.properties ?? {};
  for (const [name, schema] of Object.entries(properties)) {
    for (const value of wrongValues(schema))
      yield { name: `body ${name}`, ...same, body: { ...b.body, [name]: value } };
    const { [name]: _dropped, ...without } = b.body;
    yield { name: `body without ${name}`, ...same, body: without };
  }
  yield { name: 'unknown body field', ...same, body: { ...b.body, is_admin: true } };
  for (const body of [null, [], 'text', 42, {}]) yield { name: `body ${JSON.stringify(body)}`, ...same, body };
}

describe('schema-driven fuzzing of every route in the OpenAPI document', () => {
  let h: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    ({ h, admin } = await appWithAdmin());
    // Readiness wants a processor; without one it answers 503 by design, which is not what is tested here.
    await h.redis.redis.set('processor:heartbeat:fuzz', '{}');
  });
  afterAll(() => h.close());

  /** Signed in again whenever a mutation that happened to be valid signed the admin out. */
  async function auth(): Promise<Record<string, string>> {
    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: admin.auth });
    // From another address than the fuzzed sign-ins, which soon hit the rate limit (as they should).
    if (me.statusCode !== 200) admin = await signIn(h.app, 'mum', { remoteAddress: '192.168.1.200' });
    return admin.auth;
  }

  it(
    'answers bad types, missing fields, huge strings and unknown fields with 4xx, never 5xx',
    { timeout: 300_000 },
    async () => {
      const spec = openApiSpec(h.app);
      const all = baselines(spec);
      expect(all.length).toBeGreaterThanOrEqual(20);
      const seen: string[] = [];
      for (const b of all) {
        for (const m of mutations(b)) {
          const headers = await auth();
          const query: Record<string, unknown> = { ...m.query };
          // Media URLs: a token for the id in the path, so validation behind it is reached too.
          if ('t' in b.querySchemas)
            query.t = mediaTokenFor(h.app, admin.sessionId, b.route, m.path as Record<string, unknown>);
          const request: InjectOptions = {
            method: b.method as InjectOptions['method'],
            url: requestUrl(b.route, m.path as Record<string, unknown>, query),
            headers,
            ...(m.body !== undefined
              ? { payload: JSON.stringify(m.body), headers: { ...headers, 'content-type': 'application/json' } }
              : {}),
          };
          const response = await h.app.inject(request);
          const label = `${b.method} ${b.route} — ${m.name}: ${response.statusCode} ${response.body.slice(0, 200)}`;
          expect(response.statusCode, label).toBeLessThan(500);
          // A HEAD answer has no body by definition (tus asks how far an upload got with HEAD).
          if (response.statusCode >= 400 && b.method !== 'HEAD')
            expect(response.body, label).toMatch(/"code":"(AUTH|SEC|MEDIA|UPLOAD|SYSTEM)_\d{3}"/);
          seen.push(`${b.method} ${b.route}`);
        }
      }
      expect(new Set(seen).size).toBe(all.length);
      expect(seen.length).toBeGreaterThan(300);
    },
  );
});
