import Fastify, { type FastifyBaseLogger, type FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { allowlistPlugin } from '../plugins/allowlist.js';
import { auditPlugin } from '../plugins/audit.js';
import { authPlugin } from '../plugins/auth.js';
import { dependenciesPlugin } from '../plugins/dependencies.js';
import { errorsPlugin } from '../plugins/errors.js';
import { textInputPlugin } from '../plugins/textInput.js';
import { webAppPlugin } from '../routes/webApp.js';
import { registerRoutes } from '../routes/registerRoutes.js';
import { errorBody } from '../errors/errorBody.js';
import { errorCatalog } from '../errors/errorCatalog.js';
import { createClientCheck } from '../network/allowlistCheck.js';
import { ErrorResponse } from '../schemas/common.js';
import { contentSecurityPolicyDirectives } from '@keepsake/contracts';
import { securityHeadersPlugin } from '../plugins/securityHeaders.js';
import type { AppDeps } from './AppDeps.js';
import { requestSerializer } from './requestSerializer.js';
import type { App } from './types.js';

/** The whole HTTP server, from connections the caller opened (main.ts, or tests with a throwaway database). */
function frameworkErrorMessage(code: string): string {
  return code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path segment is too long.' : 'Malformed URL.';
}

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config } = deps;
  const clientCheck = createClientCheck(config);
  const app = Fastify({
    loggerInstance: deps.logger.child({}, { serializers: { req: requestSerializer } }) as FastifyBaseLogger,
    // request.ip follows X-Forwarded-For only through these peers (nginx).
    trustProxy: config.trustedProxies,
    // ignoreTrailingSlash: clients written from the design document ask for `/api/sessions/` too.
    routerOptions: { maxParamLength: 256, ignoreTrailingSlash: true },
    bodyLimit: 1024 * 1024,
    // Router-level refusals (malformed URL encoding, over-long path parameters) in the API's error
    // format too. They come before any hook, so the allowlist is asked here as well.
    frameworkErrors: (error, request, reply: FastifyReply) =>
      clientCheck(request).allowed
        ? reply.code(error.statusCode ?? 400).send(errorBody('SYSTEM_003', frameworkErrorMessage(error.code)))
        : reply.code(403).send(errorBody('SEC_001', errorCatalog.SEC_001.message)),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(errorsPlugin);
  await app.register(dependenciesPlugin, deps);
  await app.register(auditPlugin);
  await app.register(allowlistPlugin);
  await app.register(securityHeadersPlugin, {
    contentSecurityPolicy: {
      // Exactly these: helmet's defaults would allow inline styles. No upgrade-insecure-requests:
      // without nginx the server may be reached over plain HTTP (npm run dev, a plain Linux
      // box), where upgrading the page's own requests would break it; nginx sets HSTS where TLS is.
      useDefaults: false,
      directives: contentSecurityPolicyDirectives,
    },
    // As nginx says it: nothing may frame Keepsake.
    xFrameOptions: { action: 'deny' },
  });
  await app.register(authPlugin);
  await app.register(textInputPlugin);
  // Serves files on request (segments without nginx, the built gallery); no routes of its own.
  await app.register(fastifyStatic, { root: config.assetsDir, serve: false, suppressWarning: true });

  app.addSchema(ErrorResponse);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Keepsake API',
        version: '1',
        description: 'Errors: {"error":{"code","message","details","timestamp"}} (codes in ARCHITECTURE.md).',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          mediaToken: { type: 'apiKey', in: 'query', name: 't' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (json.$id as string) || `def-${i}` },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(registerRoutes);
  await app.register(webAppPlugin);
  return app;
}
