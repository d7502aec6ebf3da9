import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from '../errors/ApiError.js';
import { ClientSightings } from '../network/clientSightings.js';
import { RefusalLimiter } from '../network/refusalLimiter.js';
import { createClientCheck } from '../network/allowlistCheck.js';

declare module 'fastify' {
  interface FastifyInstance {
    clientSightings: ClientSightings;
  }
  interface FastifyRequest {
    /** The real client address (forwarded headers believed only from TRUSTED_PROXIES). */
    clientIp: string;
    viaVpn: boolean;
  }
}

/**
 * The server's own network boundary, the first thing every request meets: the real client
 * address must be inside ALLOWED_NETWORKS, or the answer is 403 SEC_001 whatever the route.
 */
export const allowlistPlugin = fp(
  async (app: FastifyInstance) => {
    const check = createClientCheck(app.config);
    const sightings = new ClientSightings();
    const refusals = new RefusalLimiter();
    app.decorate('clientSightings', sightings);
    app.decorateRequest('clientIp', '');
    app.decorateRequest('viaVpn', false);

    app.addHook('onRequest', async (request) => {
      const { address, allowed, viaVpn } = check(request);
      request.clientIp = address;
      request.viaVpn = viaVpn;
      sightings.record(address);
      if (allowed) return;
      if (refusals.shouldLog(address)) {
        request.log.warn({ clientIp: address }, 'refused: address outside ALLOWED_NETWORKS');
        request.audit({ action: 'security.refused', status: 403, details: { method: request.method } });
      }
      throw new ApiError('SEC_001');
    });
  },
  { name: 'allowlist', dependencies: ['dependencies', 'audit'] },
);
