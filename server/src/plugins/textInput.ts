import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from '../errors/ApiError.js';
import { findNul } from '../input/findNul.js';

/** No request text with NUL characters gets past validation: a clear 400 instead of a database error. */
export const textInputPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('preValidation', async (request) => {
      for (const [where, value] of [
        ['params', request.params],
        ['querystring', request.query],
        ['body', request.body],
      ] as const) {
        const field = findNul(value);
        if (field !== null) {
          throw new ApiError('SYSTEM_003', 'Text may not contain NUL characters.', [
            { in: where, field, message: 'contains a NUL character' },
          ]);
        }
      }
    });
  },
  { name: 'text-input' },
);
