/**
 * When this tab last did something on the server (a successful API call). The server ends
 * idle and revoked sessions the same way (the live entry is gone), so the gap since then is
 * how the sign-in page tells "you were away too long" from "another device signed you out".
 */
let lastActivityAt = Date.now();

export function markActivity(now = Date.now()): void {
  lastActivityAt = now;
}

export function idleFor(now = Date.now()): number {
  return now - lastActivityAt;
}
