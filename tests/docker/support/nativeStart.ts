import { prepareNativeInstall, runToEnd, startProcess, waitForNativeHealth } from '@keepsake/testkit';

/**
 * `npm start` on this machine, timed from the command to nginx answering /api/health with the
 * install's certificate: the native figure beside compose's up-to-healthy. The build is done
 * before the clock starts (npm start would build what changed, which compose's images already hold).
 */
export async function measureNativeStart(): Promise<number> {
  const install = await prepareNativeInstall('keepsake-native-bench-');
  await runToEnd('npm run build', 'npm', ['run', 'build'], install.env);
  const started = Date.now();
  const keepsake = startProcess('npm start', 'npm', ['start'], install.env);
  try {
    await waitForNativeHealth(install, keepsake, 300_000);
    return Date.now() - started;
  } finally {
    await keepsake.stop(40_000);
    await install.remove();
  }
}
