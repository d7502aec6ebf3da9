import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from '../errors/ApiError.js';
import { errorBody } from '../errors/errorBody.js';
import { isDependencyFailure } from '../errors/isDependencyFailure.js';
import { requestPath } from '../errors/requestPath.js';

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Ajv's findings in words: which field (where in the request) and what is wrong with it. */
function validationDetails(error: FastifyError) {
  const where = error.validationContext ?? 'body';
  return (error.validation as ValidationIssue[] | undefined)?.map((issue) => {
    const missing = issue.params?.missingProperty;
    const extra = issue.params?.additionalProperty;
    const field = [issue.instancePath?.replace(/^\//, '').replaceAll('/', '.'), missing ?? extra]
      .filter((part) => typeof part === 'string' && part.length > 0)
      .join('.');
    return {
      in: where,
      field: field || null,
      message: extra ? 'is not a known field' : (issue.message ?? 'is invalid'),
    };
  });
}

function send(reply: FastifyReply, error: ApiError): FastifyReply {
  for (const [name, value] of Object.entries(error.headers ?? {})) reply.header(name, value);
  return reply.code(error.statusCode).send(errorBody(error.code, error.message, error.details ?? null));
}

/** Turns whatever was thrown into the API's error format; never a stack trace, never a 500 for bad input. */
function toApiError(error: FastifyError, request: FastifyRequest): ApiError {
  if (error instanceof ApiError) return error;
  if (error.validation) {
    return new ApiError('SYSTEM_003', `The request is not valid: ${error.message}`, validationDetails(error));
  }
  if (isDependencyFailure(error)) {
    request.log.error({ err: error }, 'dependency unavailable');
    return new ApiError('SYSTEM_007');
  }
  const status = error.statusCode ?? 500;
  if (status === 404) return new ApiError('SYSTEM_004', `No route ${request.method} ${requestPath(request.url)}`);
  if (status >= 400 && status < 500) {
    // Fastify's own client errors (bad JSON, body too large, wrong content type): their messages are safe to show.
    const apiError = new ApiError('SYSTEM_003', error.message);
    Object.defineProperty(apiError, 'statusCode', { value: status });
    return apiError;
  }
  request.log.error({ err: error }, 'request failed');
  return new ApiError('SYSTEM_001');
}

export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const apiError = toApiError(error, request);
      if (apiError.statusCode >= 500 && apiError.code !== 'SYSTEM_001' && apiError.code !== 'SYSTEM_007') {
        request.log.error({ err: error }, apiError.message);
      }
      return send(reply, apiError);
    });

    app.setNotFoundHandler((request, reply) =>
      send(reply, new ApiError('SYSTEM_004', `No route ${request.method} ${requestPath(request.url)}`)),
    );
  },
  { name: 'errors' },
);
