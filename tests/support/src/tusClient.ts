import fs from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import path from 'node:path';

/** Where and as whom a test uploads: the base URL, the Authorization header, and for HTTPS the install's CA. */
export interface TusTarget {
  base: string;
  headers: Record<string, string>;
  ca?: string | Buffer;
}

export interface TusAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

const TUS = { 'Tus-Resumable': '1.0.0' };

function send(
  target: TusTarget,
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: fs.ReadStream,
  cutAfter?: number,
): Promise<TusAnswer | 'cut'> {
  const absolute = new URL(url, target.base);
  const client = absolute.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      absolute,
      { method, headers: { ...TUS, ...target.headers, ...headers }, ca: target.ca, agent: false },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
        response.on('error', () => resolve('cut'));
      },
    );
    request.on('error', (error) => (cutAfter === undefined ? reject(error) : resolve('cut')));
    if (!body) return void request.end();
    let sent = 0;
    body.on('data', (chunk) => {
      sent += chunk.length;
      // The connection drops mid-chunk, as on a train going into a tunnel.
      if (cutAfter !== undefined && sent >= cutAfter) {
        body.destroy();
        request.destroy();
      }
    });
    body.pipe(request);
  });
}

function metadata(name: string): string {
  return `filename ${Buffer.from(name).toString('base64')},filetype ${Buffer.from('application/octet-stream').toString('base64')}`;
}

/** POST: a new upload of `size` bytes; its URL, or the refusal. */
export async function tusCreate(target: TusTarget, size: number, name: string): Promise<TusAnswer> {
  return (await send(target, '/api/uploads', 'POST', {
    'Upload-Length': String(size),
    'Upload-Metadata': metadata(name),
  })) as TusAnswer;
}

/** HEAD: how many bytes of the upload the server has. */
export async function tusOffset(target: TusTarget, url: string): Promise<number> {
  const answer = (await send(target, url, 'HEAD', {})) as TusAnswer;
  if (answer.status !== 200) throw new Error(`HEAD ${url}: ${answer.status}`);
  return Number(answer.headers['upload-offset']);
}

/** PATCH: bytes `offset`..`end` of the file; with `cutAfter` the connection is dropped after that many. */
export function tusPatch(
  target: TusTarget,
  url: string,
  file: string,
  { offset, end, cutAfter }: { offset: number; end: number; cutAfter?: number },
): Promise<TusAnswer | 'cut'> {
  const body = fs.createReadStream(file, { start: offset, end: end - 1, highWaterMark: 256 * 1024 });
  return send(
    target,
    url,
    'PATCH',
    {
      'Upload-Offset': String(offset),
      'Content-Type': 'application/offset+octet-stream',
      'Content-Length': String(end - offset),
    },
    body,
    cutAfter,
  );
}

/** A whole file in chunks, the way the web app sends it; the path it got under imports/. */
export async function tusUploadFile(
  target: TusTarget,
  file: string,
  { name = path.basename(file), chunkBytes = 32 * 1024 * 1024 }: { name?: string; chunkBytes?: number } = {},
): Promise<string> {
  const size = fs.statSync(file).size;
  const created = await tusCreate(target, size, name);
  if (created.status !== 201) throw new Error(`upload of ${name} refused: ${created.status} ${created.body}`);
  const url = created.headers.location!;
  let offset = 0;
  for (;;) {
    const end = Math.min(size, offset + chunkBytes);
    const answer = await tusPatch(target, url, file, { offset, end });
    if (answer === 'cut' || answer.status !== 204) throw new Error(`PATCH of ${name} failed`);
    offset = Number(answer.headers['upload-offset']);
    if (offset === size) return String(answer.headers['keepsake-import-path']);
  }
}
