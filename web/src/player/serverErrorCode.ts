/**
 * The error code in the server's error format (`{"error": {"code": "MEDIA_001", …}}`) from
 * the request hls.js gave up on (its `networkDetails`, an XMLHttpRequest): playlists arrive
 * as text, keys and segments as bytes. Null when the answer was not the server's format.
 */
export function serverErrorCode(networkDetails: unknown): string | null {
  if (typeof XMLHttpRequest === 'undefined' || !(networkDetails instanceof XMLHttpRequest)) return null;
  try {
    const body =
      networkDetails.response instanceof ArrayBuffer
        ? new TextDecoder().decode(networkDetails.response)
        : networkDetails.responseType === '' || networkDetails.responseType === 'text'
          ? networkDetails.responseText
          : '';
    return errorCodeOf(body);
  } catch {
    return null;
  }
}

export function errorCodeOf(body: string): string | null {
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' && /^[A-Z]+_\d{3}$/.test(code) ? code : null;
  } catch {
    return null;
  }
}

/** The browser's own player names its failures by number (MediaError.code). */
export function mediaErrorCode(error: MediaError | null): string {
  const names = ['', 'MEDIA_ERR_ABORTED', 'MEDIA_ERR_NETWORK', 'MEDIA_ERR_DECODE', 'MEDIA_ERR_SRC_NOT_SUPPORTED'];
  return (error && names[error.code]) || 'MEDIA_ERR_UNKNOWN';
}
