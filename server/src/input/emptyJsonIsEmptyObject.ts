import type { FastifyInstance } from 'fastify';

/**
 * In this plugin's routes, a JSON request with an empty body reads as `{}` (Fastify refuses
 * it otherwise). Anything else goes to Fastify's own parser, prototype-poisoning checks included.
 */
export function emptyJsonIsEmptyObject(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') return done(null, {});
    return parseJson(request, text, done);
  });
}
