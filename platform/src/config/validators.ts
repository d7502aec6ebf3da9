import path from 'node:path';
import { EnvError, makeValidator } from 'envalid';
import { parseNetworkList } from './networkList.js';

/** A list of networks in the one strict grammar nginx/render and the pf script share (networkList.ts). */
export const cidrList = makeValidator<string[]>((input) => {
  try {
    return parseNetworkList(input);
  } catch (error) {
    throw new EnvError((error as Error).message);
  }
});

/** A comma-separated list of host names or addresses (for certificate SANs). */
export const nameList = makeValidator<string[]>((input) =>
  input
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0),
);

/** A file-system path; made absolute by `resolveDir` (envalid does not parse defaults). */
export const dirPath = makeValidator<string>((input) => {
  if (input.trim() === '') throw new EnvError('must not be empty');
  return input;
});

/**
 * Relative paths are taken from where the command was typed (npm's INIT_CWD),
 * so `npm run -w server ...` still means the repository root.
 */
export function resolveDir(value: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), value);
}

function numberIn(min: number, max: number, integer: boolean) {
  return makeValidator<number>((input) => {
    const value = Number(input);
    if (input.trim() === '' || !Number.isFinite(value)) throw new EnvError(`"${input}" is not a number`);
    if (integer && !Number.isInteger(value)) throw new EnvError(`"${input}" is not a whole number`);
    if (value < min || value > max) throw new EnvError(`${input} is outside ${min}..${max}`);
    return value;
  });
}

export const intBetween = (min: number, max: number) => numberIn(min, max, true);
export const numberBetween = (min: number, max: number) => numberIn(min, max, false);

/** A secret given inline: at least 32 characters so it cannot be guessed. */
export const secret = makeValidator<string>((input) => {
  if (input.length < 32) throw new EnvError('must be at least 32 characters');
  return input;
});
