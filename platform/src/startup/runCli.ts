/**
 * Errors a person must act on (bad config, missing master key): the message names
 * what to fix, and a stack trace would only hide it.
 */
export class OperatorError extends Error {
  override name = 'OperatorError';
}

function isOperatorFacing(error: unknown): error is Error {
  return (
    error instanceof Error &&
    (error instanceof OperatorError || error.name === 'ConfigError' || error.name === 'MasterKeyError')
  );
}

/** Runs a command's main function; known problems print one clear message and exit 1. */
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      if (isOperatorFacing(error)) {
        process.stderr.write(`keepsake: ${error.message}\n`);
      } else {
        const message = error instanceof Error ? error.message : String(error);
        process.stderr.write(`keepsake: ${message}\n`);
        if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      }
      process.exitCode = 1;
    },
  );
}
