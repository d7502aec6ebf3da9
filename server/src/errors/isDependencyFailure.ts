/** Network-level failures: the dependency is not there, as opposed to a bug or bad input. */
const connectionCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);

/**
 * True when an error means PostgreSQL or Redis is unreachable, so the client gets
 * 503 SYSTEM_007 ("try again shortly") rather than a 500.
 */
export function isDependencyFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code } = error as { code?: unknown };
  if (typeof code === 'string') {
    if (connectionCodes.has(code)) return true;
    // PostgreSQL: class 08 is connection exceptions, 57P0x the server shutting down.
    if (/^08...$/.test(code) || /^57P0[1-3]$/.test(code)) return true;
  }
  // ioredis: the command was given up after the retries allowed while disconnected.
  if (error.name === 'MaxRetriesPerRequestError') return true;
  if (/^(Connection is closed|Stream isn't writeable|Connection terminated)/.test(error.message)) return true;
  // Kysely/pg once the pool is gone (shutdown).
  if (/driver has already been destroyed|Cannot use a pool after calling end/.test(error.message)) return true;
  return error instanceof AggregateError && error.errors.some(isDependencyFailure);
}
