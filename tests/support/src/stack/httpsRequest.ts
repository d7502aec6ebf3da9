import type { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';

export interface HttpsAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text(): string;
  json<T = unknown>(): T;
}

export interface HttpsRequestOptions {
  /** The only certificate authority believed: the install's own (private/ca.crt). */
  ca: string | Buffer;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * One HTTPS request on a fresh connection, trusting exactly the given CA (never "ignore
 * certificate errors"), answering with the whole body.
 */
export function httpsRequest(url: string, options: HttpsRequestOptions): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, ca: options.ca, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body,
            text: () => body.toString('utf8'),
            json: <T>() => JSON.parse(body.toString('utf8')) as T,
          });
        });
      },
    );
    request.setTimeout(30_000, () => request.destroy(new Error(`no answer from ${url} within 30 s`)));
    request.on('error', reject);
    request.end(options.body);
  });
}
