import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { childrenOf, type RunningNginx } from '@keepsake/testkit';

/**
 * Adds a location block (the baseline a bench compares against) to the running nginx's server,
 * before `location /api/`, reloads it (SIGHUP) and waits until the workers of the old
 * configuration are gone (until then a fresh connection may still land on one) and `ready`
 * says the new location answers.
 */
export async function addNginxLocation(
  nginx: RunningNginx,
  block: string,
  ready: () => Promise<boolean>,
): Promise<void> {
  const conf = path.join(nginx.dir, 'nginx.conf');
  const text = await fs.readFile(conf, 'utf8');
  await fs.writeFile(conf, text.replace('    location /api/ {', `${block}\n\n    location /api/ {`));
  const master = nginx.process.child.pid!;
  const oldWorkers = childrenOf(master);
  process.kill(master, 'SIGHUP');
  for (let tries = 0; tries < 100; tries += 1) {
    const current = childrenOf(master);
    if (!oldWorkers.some((pid) => current.includes(pid)) && (await ready().catch(() => false))) return;
    await sleep(100);
  }
  throw new Error(`nginx did not pick up the added location:\n${nginx.process.output()}`);
}
