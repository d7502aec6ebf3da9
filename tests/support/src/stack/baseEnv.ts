/** Variables of the test runner that must not leak into the stack's processes. */
const runnerOnly = /^(VITEST|NODE_OPTIONS$|TEST$|npm_)/;

/** This process's environment without the test runner's own variables: what a stack's processes start from. */
export function baseEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !runnerOnly.test(name)));
}
