import fs from 'node:fs/promises';
import password from '@inquirer/password';
import { OperatorError } from '../startup/runCli.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

export interface SecretInput {
  /** What is being asked for, e.g. "Password" or "Backup passphrase". */
  label: string;
  /** The option that pipes it in, e.g. "--password-stdin". */
  stdinOption: string;
  fromStdin: boolean;
  fromFile?: string;
  /** Ask twice on a terminal (a new secret). */
  confirm: boolean;
}

/**
 * A secret never comes from argv (it would sit in shell history and `ps`): from a file,
 * from standard input, or from a hidden prompt.
 */
export async function readSecretInput(input: SecretInput): Promise<string> {
  if (input.fromFile) return (await fs.readFile(input.fromFile, 'utf8')).replace(/\r?\n$/, '');
  if (input.fromStdin) {
    const value = (await readAll(process.stdin)).replace(/\r?\n$/, '');
    if (!value) throw new OperatorError(`${input.stdinOption}: nothing was read from standard input`);
    return value;
  }
  if (!process.stdin.isTTY) {
    throw new OperatorError(
      `no terminal to ask for the ${input.label.toLowerCase()}: pipe it in with ${input.stdinOption}`,
    );
  }
  const first = await password({ message: `${input.label}:`, mask: '*' });
  if (input.confirm && first !== (await password({ message: 'Again:', mask: '*' }))) {
    throw new OperatorError(`the two ${input.label.toLowerCase()}s differ`);
  }
  return first;
}
