import password from '@inquirer/password';
import { OperatorError } from '@keepsake/database';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A password never comes from argv (it would sit in shell history and `ps`):
 * from standard input with --password-stdin, otherwise from a hidden prompt.
 */
export async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) {
    const value = (await readAll(process.stdin)).replace(/\r?\n$/, '');
    if (!value) throw new OperatorError('--password-stdin: nothing was read from standard input');
    return value;
  }
  if (!process.stdin.isTTY)
    throw new OperatorError('no terminal to ask for the password: pipe it in with --password-stdin');
  const first = await password({ message: 'Password:', mask: '*' });
  const second = await password({ message: 'Again:', mask: '*' });
  if (first !== second) throw new OperatorError('the two passwords differ');
  return first;
}
