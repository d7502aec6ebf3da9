import fs from 'node:fs/promises';
import path from 'node:path';
import tls from 'node:tls';

export interface TlsVisit {
  /** The session to offer on the next connection. */
  session: Buffer | undefined;
  /** The session ticket the server handed out, if it did. */
  ticket: Buffer | undefined;
  reused: boolean;
}

/**
 * One TLS 1.2 connection to 127.0.0.1:port trusting only the install's CA, offering `session`;
 * closed once the handshake and the server's first flight (a ticket, if any) are in.
 */
export async function tlsConnect(port: number, privateDir: string, session?: Buffer): Promise<TlsVisit> {
  const ca = await fs.readFile(path.join(privateDir, 'ca.crt'));
  return new Promise((resolve, reject) => {
    let ticket: Buffer | undefined;
    let newSession: Buffer | undefined;
    const socket = tls.connect({
      host: '127.0.0.1',
      port,
      servername: 'localhost',
      ca,
      maxVersion: 'TLSv1.2',
      session,
    });
    socket.on('session', (value: Buffer) => (newSession = value));
    socket.on('error', reject);
    socket.once('secureConnect', () => {
      ticket = socket.getTLSTicket();
      const reused = socket.isSessionReused();
      newSession ??= socket.getSession();
      socket.end();
      resolve({ session: newSession, ticket, reused });
    });
  });
}
