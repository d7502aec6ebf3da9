/** Redis key of a session's live entry; its TTL is the idle timeout (ARCHITECTURE.md, Redis). */
export function liveSessionKey(sessionId: string): string {
  return `session:${sessionId}`;
}
