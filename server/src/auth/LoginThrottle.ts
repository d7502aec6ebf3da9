import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../errors/ApiError.js';

export const loginFailuresAllowed = 5;
export const loginWindowMs = 15 * 60_000;

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

/**
 * Failed sign-ins counted in Redis per client address and per account (@fastify/rate-limit's
 * store): after 5 failures in 15 minutes either count blocks further attempts with 429
 * AUTH_005 and Retry-After, even with the right password, until the window ends. The account
 * is the user when the login names one (so username and email share one count), else the
 * login as typed.
 */
export class LoginThrottle {
  private readonly byAddress: Limiter;
  private readonly byAccount: Limiter;
  private readonly accounts = new WeakMap<FastifyRequest, string>();

  constructor(app: FastifyInstance) {
    const common = { max: loginFailuresAllowed, timeWindow: loginWindowMs };
    this.byAddress = app.createRateLimit({
      ...common,
      keyGenerator: (request: FastifyRequest) => `login-address:${request.clientIp}`,
    });
    this.byAccount = app.createRateLimit({
      ...common,
      keyGenerator: (request: FastifyRequest) => `login-account:${this.accounts.get(request) ?? ''}`,
    });
  }

  /** Refuses the attempt while either count is used up (looking does not count). */
  async assertAllowed(request: FastifyRequest, account: string): Promise<void> {
    this.accounts.set(request, account);
    const checks = await Promise.all([
      this.byAddress(request, { increment: false }),
      this.byAccount(request, { increment: false }),
    ]);
    const waits = checks.flatMap((check) => (!check.isAllowed && check.remaining === 0 ? [check.ttlInSeconds] : []));
    if (waits.length === 0) return;
    const retryAfter = Math.max(1, ...waits);
    throw new ApiError(
      'AUTH_005',
      `Too many failed sign-ins; try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
      { retry_after_seconds: retryAfter },
      { 'retry-after': String(retryAfter) },
    );
  }

  async recordFailure(request: FastifyRequest): Promise<void> {
    await Promise.all([this.byAddress(request), this.byAccount(request)]);
  }
}
