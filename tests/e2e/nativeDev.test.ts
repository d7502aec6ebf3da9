import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  prepareNativeInstall,
  startProcess,
  waitFor,
  waitForHttp,
  type NativeInstall,
  type RunningProcess,
} from '@keepsake/testkit';
import { listening } from './support/listening.js';

/** `npm run dev` as a developer runs it: server and processor under tsx watch, Vite in front. */
describe('npm run dev', () => {
  let install: NativeInstall;
  let dev: RunningProcess;
  let apiPort: number;
  let webPort: number;

  beforeAll(async () => {
    webPort = await freePort();
    // Fewer lines than the debug default, so the output's tail still holds the start.
    install = await prepareNativeInstall('keepsake-dev-', { WEB_DEV_PORT: String(webPort), LOG_LEVEL: 'info' });
    apiPort = Number(install.env.PORT);
    dev = startProcess('npm run dev', 'npm', ['run', 'dev'], install.env);
    // The API through Vite's proxy: both are up and wired together.
    await waitForHttp(`http://127.0.0.1:${webPort}/api/health`, dev, 120_000);
  });

  afterAll(async () => {
    await dev?.stop(40_000);
    await install?.remove();
  });

  it('serves the gallery from Vite with hot reload, and the API behind it', async () => {
    const page = await (await fetch(`http://127.0.0.1:${webPort}/`)).text();
    expect(page).toContain('/@vite/client');
    const me = await fetch(`http://127.0.0.1:${webPort}/api/auth/me`);
    expect(me.status).toBe(401);
    expect(((await me.json()) as { error: { code: string } }).error.code).toBe('AUTH_003');
  });

  it('labels every line with its part, in readable (not JSON) logs', async () => {
    await waitFor('the processor to start', () => /processor \| .*processor started/.test(dev.output()));
    await waitFor('the launcher to say where', () => dev.output().includes('keepsake: running'));
    const output = dev.output();
    expect(output).toMatch(/server\s+\| .*Server listening at http:\/\/127\.0\.0\.1:\d+/);
    expect(output).not.toMatch(/(server|processor)\s+\| \{"level"/);
    expect(output).toContain(`keepsake: running: http://127.0.0.1:${webPort}`);
  });

  it('stops server, processor and Vite together on one signal', async () => {
    process.kill(-dev.child.pid!, 'SIGINT');
    await waitFor('the launcher to finish stopping', () => dev.output().includes('keepsake: stopped'), 40_000);
    expect(await listening(apiPort)).toBe(false);
    expect(await listening(webPort)).toBe(false);
  });
});
