import type { FastifyRequest } from 'fastify';
import { requestPath } from '../errors/requestPath.js';

/** How requests appear in the logs: the path only (media tokens live in query strings) and the real client. */
export function requestSerializer(request: FastifyRequest) {
  return {
    method: request.method,
    url: requestPath(request.url),
    remoteAddress: request.clientIp || request.ip,
  };
}
