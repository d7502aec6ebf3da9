import fs from 'node:fs';
import https from 'node:https';
import { pipeline } from 'node:stream/promises';

/** One HTTPS PUT of bytes `start`..`end` of a file; resolves with the status once the answer is read. */
function putRange(
  url: URL,
  ca: Buffer | string | undefined,
  file: string,
  start: number,
  end: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      url,
      { method: 'PUT', ca, agent: false, headers: { 'content-length': String(end - start) } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    pipeline(fs.createReadStream(file, { start, end: end - 1, highWaterMark: 256 * 1024 }), request).catch(reject);
  });
}

/**
 * The baseline: one chunk of the file as a WebDAV PUT of its own file (nginx writes the body to
 * its temp folder and renames it into place; nothing behind it).
 */
export async function putChunk(
  url: URL,
  ca: Buffer | string | undefined,
  file: string,
  start: number,
  end: number,
): Promise<void> {
  const status = await putRange(url, ca, file, start, end);
  if (status !== 201 && status !== 204) throw new Error(`baseline PUT of ${url.pathname}: ${status}`);
}
