import type { CurrentSession, SignedOutReason } from './sessionStore';

/**
 * Tabs of one browser share one session (one refresh cookie), so they tell each other about
 * new access tokens (saving a refresh each) and about signing out.
 */
export type AuthMessage =
  { type: 'session'; session: CurrentSession } | { type: 'signed-out'; reason: SignedOutReason };

const channel: BroadcastChannel | null =
  typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('keepsake-auth');

export function broadcastAuth(message: AuthMessage): void {
  channel?.postMessage(message);
}

export function onAuthMessage(listener: (message: AuthMessage) => void): () => void {
  if (!channel) return () => {};
  const handler = (event: MessageEvent<AuthMessage>) => listener(event.data);
  channel.addEventListener('message', handler);
  return () => channel.removeEventListener('message', handler);
}
