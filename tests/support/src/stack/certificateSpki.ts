import { createHash, X509Certificate } from 'node:crypto';
import fs from 'node:fs/promises';

/**
 * Base64 of the SHA-256 of a certificate's public key (SPKI): what Chromium's
 * --ignore-certificate-errors-spki-list takes to trust exactly that certificate.
 */
export async function certificateSpki(certificateFile: string): Promise<string> {
  const certificate = new X509Certificate(await fs.readFile(certificateFile));
  const spki = certificate.publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}
