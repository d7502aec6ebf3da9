/** The server's error body: {"error":{"code","message","details","timestamp"}}. */
interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

/** A failed API call, with the server's error code (AUTH_001, SEC_001, …) when it sent one. */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = undefined,
    /** Seconds to wait before trying again (rate limits), from Retry-After or the details. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    let body: ErrorBody = {};
    try {
      body = (await response.json()) as ErrorBody;
    } catch {
      // Not JSON (a proxy's error page, an empty body): the status says enough.
    }
    const error = body.error ?? {};
    const code = typeof error.code === 'string' ? error.code : `HTTP_${response.status}`;
    const message = typeof error.message === 'string' ? error.message : response.statusText || 'Request failed';
    return new ApiError(
      response.status,
      code,
      message,
      error.details,
      retryAfterSeconds(response.headers.get('retry-after'), error.details),
    );
  }
}

/** Failing to reach the server at all (offline, DNS, connection refused). */
export class NetworkError extends Error {
  override name = 'NetworkError';
  constructor(cause: unknown) {
    super("Can't reach the Keepsake server. Check your connection and try again.", { cause });
  }
}

const detailKeys = ['retry_after', 'retry_after_seconds', 'retryAfter', 'retryAfterSeconds'];

/** Reads the wait from a Retry-After header (seconds or HTTP date) or from the error details. */
export function retryAfterSeconds(header: string | null, details: unknown, now = Date.now()): number | null {
  if (details && typeof details === 'object') {
    for (const key of detailKeys) {
      const value = (details as Record<string, unknown>)[key];
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.ceil(value);
    }
  }
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}
