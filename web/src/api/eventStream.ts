import { ApiError } from './ApiError';
import { accessToken, freshAccessToken } from './apiFetch';
import { endSession, endsSession, refreshMayHelp, signedOutReasonFor } from './sessionEnded';
import { createSseParser, type ServerSentEvent } from './sseParser';

const reconnectDelays = [1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * Follows `/api/events` until the signal aborts, reconnecting with back-off after a drop.
 * Read with fetch streaming because the stream needs the Authorization header.
 */
export async function followServerEvents(onEvent: (event: ServerSentEvent) => void, signal: AbortSignal) {
  let failures = 0;
  while (!signal.aborted) {
    try {
      await readStream(onEvent, signal, () => {
        failures = 0;
      });
    } catch (error) {
      if (signal.aborted) return;
      if (endsSession(error)) return;
    }
    if (signal.aborted) return;
    const delay = reconnectDelays[Math.min(failures, reconnectDelays.length - 1)]!;
    failures += 1;
    await sleep(delay, signal);
  }
}

async function readStream(onEvent: (event: ServerSentEvent) => void, signal: AbortSignal, onOpen: () => void) {
  const token = await accessToken();
  let response = await open(token, signal);
  if (response.status === 401) {
    const error = await ApiError.fromResponse(response);
    if (!refreshMayHelp(error)) throw fail(error);
    response = await open(await freshAccessToken(token), signal);
  }
  if (!response.ok || !response.body) throw fail(await ApiError.fromResponse(response));
  onOpen();
  const push = createSseParser(onEvent);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      push(value);
    }
  } finally {
    reader.releaseLock();
  }
}

function open(token: string, signal: AbortSignal): Promise<Response> {
  return fetch('/api/events', {
    headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
    cache: 'no-store',
    credentials: 'same-origin',
    signal,
  });
}

function fail(error: ApiError): ApiError {
  if (endsSession(error)) endSession(signedOutReasonFor(error));
  return error;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
