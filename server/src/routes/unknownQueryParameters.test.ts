import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaTokenFor, openApiSpec, requestUrl } from '../testing/openApiRequests.js';
import { sampleValue } from '../testing/schemaSamples.js';
import { appWithAdmin } from '../testing/appWithAdmin.js';
import type { TestApp } from '../testing/testApp.js';
import type { SignedIn } from '../testing/testUsers.js';

/** A GET route of the OpenAPI document that has a query string, with values its schemas accept. */
interface QueriedRoute {
  route: string;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  signed: boolean;
}

/**
 * Every GET route with a querystring schema refuses a parameter it does not know (`?foo=1`)
 * with 400 SYSTEM_003 naming it, rather than ignore it (a misspelt `limt=` would answer as if
 * it were not there). The routes come from the app's own OpenAPI document, so a new route is
 * walked without this file changing; each is first asked without the stranger, to show the
 * 400 is about it alone.
 */
describe('unknown query parameters', () => {
  let h: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    ({ h, admin } = await appWithAdmin());
  });
  afterAll(() => h.close());

  function queriedRoutes(): QueriedRoute[] {
    return Object.entries(openApiSpec(h.app).paths).flatMap(([route, methods]) => {
      const parameters = methods.get?.parameters ?? [];
      const query = parameters.filter((p) => p.in === 'query');
      // A signed media URL's query (SignedQuery, `t`) is in the document as its security scheme.
      const signed = (methods.get?.security ?? []).some((scheme) => 'mediaToken' in scheme);
      if (!route.startsWith('/api/') || (query.length === 0 && !signed)) return [];
      const sample = (list: typeof parameters) => Object.fromEntries(list.map((p) => [p.name, sampleValue(p.schema)]));
      return [
        {
          route,
          path: sample(parameters.filter((p) => p.in === 'path')),
          query: sample(query.filter((p) => p.required)),
          signed,
        },
      ];
    });
  }

  it('answers every GET route with a querystring schema 400 SYSTEM_003 for ?foo=1', async () => {
    const routes = queriedRoutes();
    // The library, its months, on this day, the trash, the admin's queue and audit, and the signed media URLs.
    expect(routes.length).toBeGreaterThanOrEqual(20);
    for (const { route, path, query, signed } of routes) {
      const ask = (extra: Record<string, unknown>) => {
        const t = signed ? { t: mediaTokenFor(h.app, admin.sessionId, route, path) } : {};
        return h.app.inject({
          method: 'GET',
          url: requestUrl(route, path, { ...query, ...t, ...extra }),
          headers: admin.auth,
        });
      };
      const plain = await ask({});
      // Past the auth hook and the schema: what the route itself answers (404 for the made-up ids).
      expect([400, 401, 403], `${route} without the stranger: ${plain.body}`).not.toContain(plain.statusCode);

      const refused = await ask({ foo: '1' });
      expect(refused.statusCode, `${route}?foo=1: ${refused.body}`).toBe(400);
      expect(refused.json().error, route).toMatchObject({
        code: 'SYSTEM_003',
        details: [expect.objectContaining({ in: 'querystring', field: 'foo' })],
      });
    }
  });
});
