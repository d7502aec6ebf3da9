import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * ffmpeg as the player: fetches the playlist at `url` and decodes every segment of every
 * variant, stopping at the first error (-xerror). Resolves with ffmpeg's log at `logLevel`
 * (`verbose` lists each URL fetched); rejects if anything failed to fetch or decode.
 * `inputOptions` go before the input (e.g. `-ca_file` for https).
 */
export async function playHlsUrl(
  url: string,
  logLevel: 'error' | 'verbose' = 'error',
  inputOptions: string[] = [],
): Promise<string> {
  const { stderr } = await run(
    'ffmpeg',
    [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      logLevel,
      '-xerror',
      ...inputOptions,
      '-i',
      url,
      '-map',
      '0',
      '-f',
      'null',
      '-',
    ],
    { maxBuffer: 64 << 20 },
  );
  return stderr;
}
