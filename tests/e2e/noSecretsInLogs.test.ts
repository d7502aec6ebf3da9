import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateImage, generateVideo, startStack, waitFor, type RunningNginx, type Stack } from '@keepsake/testkit';

const password = 'Correct#Horse7Battery';
const wrongSetupCode = 'WXYZ-2345-6789';

/**
 * A scripted household session through the real nginx, server and processor, then every log
 * they wrote (nginx access and error, server, processor, the audit table) searched for what
 * must never be in one: the password (also typed into the login field), tokens, cookies, the
 * setup code beyond the one line that announces it.
 */
describe('no secret in any log', () => {
  let stack: Stack;
  let nginx: RunningNginx;
  const secrets = new Map<string, string>();
  let processorLog = '';
  let setupCode = '';

  beforeAll(async () => {
    stack = await startStack({ env: { ACCEL_REDIRECT: 'true', LOG_LEVEL: 'debug' } });
    nginx = await stack.startNginx();
    setupCode = await waitFor(
      'the setup code in the server log',
      () => /setup code ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(stack.server.output())?.[1],
    );
    secrets.set('setup code', setupCode);
    secrets.set('wrong setup code', wrongSetupCode);
    secrets.set('password', password);
    await generateImage({ file: path.join(stack.dirs.imports, 'garden.jpg'), width: 640, height: 480, format: 'jpeg' });
    await generateVideo({ file: path.join(stack.dirs.imports, 'beach.mp4'), width: 320, height: 240, seconds: 3 });
    const processed = await stack.processImports();
    expect(processed.exitCode, processed.output).toBe(0);
    processorLog = processed.output;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const json = { 'content-type': 'application/json' };
  const cookieOf = (setCookie: string[] | string | undefined) =>
    /keepsake_refresh=([^;]+)/.exec([setCookie ?? []].flat().join('\n'))?.[1] ?? '';

  it('runs a session: setup with a wrong code, then the right one; a password typed as the login; sign-in, refresh, media, sign-out', async () => {
    const admin = { username: 'anna', email: 'anna@example.com', full_name: 'Anna Berg', password };
    const wrong = await nginx.request('/api/setup', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ ...admin, setup_code: wrongSetupCode }),
    });
    expect(wrong.status).toBe(401);
    const created = await nginx.request('/api/setup', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ ...admin, setup_code: setupCode }),
    });
    expect(created.status, created.text()).toBe(201);

    // The password typed into the login field by mistake: a failed sign-in of an unknown "user".
    const mistaken = await nginx.request('/api/auth/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ login: password, password: 'anna' }),
    });
    expect(mistaken.status).toBe(401);

    const signedIn = await nginx.request('/api/auth/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ login: 'anna', password, device_name: 'Test laptop' }),
    });
    expect(signedIn.status, signedIn.text()).toBe(200);
    const access = signedIn.json<{ access_token: string }>().access_token;
    secrets.set('access token', access);
    const cookie = cookieOf(signedIn.headers['set-cookie']);
    secrets.set('refresh cookie', cookie);

    const refreshed = await nginx.request('/api/auth/refresh', {
      method: 'POST',
      headers: { cookie: `keepsake_refresh=${cookie}` },
    });
    expect(refreshed.status, refreshed.text()).toBe(200);
    const access2 = refreshed.json<{ access_token: string }>().access_token;
    secrets.set('refreshed access token', access2);
    secrets.set('rotated refresh cookie', cookieOf(refreshed.headers['set-cookie']));
    const auth = { authorization: `Bearer ${access2}` };

    const library = await nginx.request('/api/media/library', { headers: auth });
    expect(library.status).toBe(200);
    const items = library.json<{ items: { id: string; type: string; thumbnail_url: string; stream_url: string }[] }>()
      .items;
    const video = items.find((item) => item.type === 'video')!;
    const tokenOf = (url: string) => new URL(url, 'https://x').searchParams.get('t')!;
    for (const item of items) secrets.set(`media token ${item.id}`, tokenOf(item.thumbnail_url));
    secrets.set('stream token', tokenOf(video.stream_url));

    expect((await nginx.request(items[0]!.thumbnail_url)).status).toBe(200);
    const master = await nginx.request(video.stream_url);
    expect(master.status).toBe(200);
    const variantUrl = master
      .text()
      .split('\n')
      .find((line) => line.startsWith('/api/'))!;
    const variant = await nginx.request(variantUrl);
    expect(variant.status).toBe(200);
    const lines = variant.text().split('\n');
    const keyUrl = /URI="([^"]+)"/.exec(variant.text())![1]!;
    const segmentUrl = lines.find((line) => line.startsWith('/api/media/segment/'))!;
    expect((await nginx.request(keyUrl)).status).toBe(200);
    expect((await nginx.request(segmentUrl)).status).toBe(200);
    // A segment the playlist does not list, with a good token: refused, and nothing logged with the token.
    const missing = segmentUrl.replace(/seg_\d+\.ts/, 'seg_99999.ts');
    expect((await nginx.request(missing)).status).toBe(404);
    // A tampered token.
    expect((await nginx.request(`${items[0]!.thumbnail_url}x`)).status).toBe(403);

    const out = await nginx.request('/api/auth/logout', { method: 'POST', headers: auth });
    expect(out.status).toBe(200);
  });

  it('finds none of them in nginx access and error logs, the server and processor logs, or the audit table', async () => {
    // Entries are written in batches: wait for the last sign-out to reach the table.
    await waitFor('the audit log to hold the sign-out', async () => {
      const row = await stack.database.db
        .selectFrom('access_logs')
        .select('id')
        .where('action', '=', 'auth.logout')
        .executeTakeFirst();
      return row !== undefined;
    });
    const audit = await stack.database.db.selectFrom('access_logs').selectAll().execute();
    const serverLog = stack.server.fullOutput();
    const setupLines = serverLog.split('\n').filter((line) => line.includes(setupCode));
    const logs: Record<string, string> = {
      'nginx access log': await fs.readFile(nginx.accessLog, 'utf8'),
      'nginx error log': await fs.readFile(nginx.errorLog, 'utf8'),
      // The one deliberate line: the installer reads the code there.
      'server log': serverLog
        .split('\n')
        .filter((line) => !/No users yet\. Open .* setup code/.test(line))
        .join('\n'),
      'processor log': processorLog,
      'audit table': JSON.stringify(audit),
    };
    expect(setupLines.length).toBeGreaterThan(0);
    expect(logs['nginx access log']).toContain('/api/media/segment/');
    expect(audit.length).toBeGreaterThan(5);
    const found: string[] = [];
    for (const [where, text] of Object.entries(logs))
      for (const [what, value] of secrets) if (value && text.includes(value)) found.push(`${what} in the ${where}`);
    expect(found).toEqual([]);
  });
});
