import type { FastifyReply } from 'fastify';
import { errorBody } from '../errors/errorBody.js';
import { errorCatalog } from '../errors/errorCatalog.js';
import { tusErrorCode } from './tusErrorCode.js';

/**
 * Sends what tus answered through Fastify (so the security headers and logging apply as to every
 * route), with tus's own plain-text errors turned into the API's error shape.
 */
export async function sendTusResponse(reply: FastifyReply, response: Response): Promise<FastifyReply> {
  reply.code(response.status);
  response.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'content-type') reply.header(name, value);
  });
  if (response.status < 400) return reply.send();
  const code = tusErrorCode(response.status);
  const text = (await response.text()).trim();
  const message = code === 'SYSTEM_001' || text === '' ? errorCatalog[code].message : text;
  return reply.type('application/json; charset=utf-8').send(errorBody(code, message));
}
