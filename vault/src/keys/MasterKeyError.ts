/**
 * The master key cannot be used: the process must stop. The message names the file and what
 * to do, and is all an operator needs (runCli prints it without a stack trace).
 * It never contains key material.
 */
export class MasterKeyError extends Error {
  override name = 'MasterKeyError';
  readonly file: string;

  constructor(file: string, message: string) {
    super(message);
    this.file = file;
  }
}
