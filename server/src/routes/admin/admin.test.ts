import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/testApp.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/testUsers.js';

describe('admin', () => {
  let h: TestApp;
  let admin: SignedIn;
  let member: SignedIn;
  let memberId: string;

  beforeAll(async () => {
    h = await createTestApp();
    await createTestUser(h.t.db, 'mum', 'admin');
    memberId = (await createTestUser(h.t.db, 'kid')).id;
    admin = await signIn(h.app, 'mum');
    member = await signIn(h.app, 'kid');
  });
  afterAll(() => h.close());

  const as = (who: SignedIn | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    h.app.inject({ method, url, headers: who ? who.auth : {}, ...(payload ? { payload } : {}) });

  it('refuses members with 403 AUTH_006 and strangers with 401 on every admin route', async () => {
    const spec = h.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const adminRoutes = Object.entries(spec.paths)
      .filter(([route]) => route.startsWith('/api/admin/'))
      .flatMap(([route, methods]) => Object.keys(methods).map((method) => [method.toUpperCase(), route] as const));
    expect(adminRoutes.length).toBeGreaterThanOrEqual(9);
    for (const [method, route] of adminRoutes) {
      const url = route.replace('{id}', method === 'POST' && route.includes('queue') ? '1' : memberId);
      const asMember = await as(member, method as 'GET', url, method === 'GET' ? undefined : {});
      expect(asMember.statusCode, `${method} ${url}`).toBe(403);
      expect(asMember.json().error.code).toBe('AUTH_006');
      const asNobody = await as(null, method as 'GET', url);
      expect(asNobody.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  describe('users', () => {
    it('lists, creates (policy enforced, duplicates refused), changes role, disables and resets passwords', async () => {
      const list = await as(admin, 'GET', '/api/admin/users');
      expect(list.statusCode).toBe(200);
      expect(list.json().users.map((u: { username: string }) => u.username)).toEqual(['kid', 'mum']);

      const weak = await as(admin, 'POST', '/api/admin/users', {
        username: 'gran',
        email: 'gran@example.com',
        full_name: 'Gran',
        password: 'password',
      });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().error).toMatchObject({ code: 'SYSTEM_003', message: expect.stringMatching(/too weak/) });

      const created = await as(admin, 'POST', '/api/admin/users', {
        username: 'gran',
        email: 'gran@example.com',
        full_name: 'Gran',
        password: 'Garden#Gnome42',
      });
      expect(created.statusCode).toBe(201);
      const gran = created.json().user;
      expect(gran).toMatchObject({ username: 'gran', role: 'member', is_active: true, last_login_at: null });

      const duplicate = await as(admin, 'POST', '/api/admin/users', {
        username: 'GRAN',
        email: 'other@example.com',
        full_name: 'Gran',
        password: 'Garden#Gnome42',
      });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json().error.code).toBe('SYSTEM_006');

      const granSession = await signIn(h.app, 'gran', { password: 'Garden#Gnome42' });
      const promoted = await as(admin, 'PATCH', `/api/admin/users/${gran.id}`, { role: 'admin' });
      expect(promoted.json().user.role).toBe('admin');
      // The design document's `user` role is stored and answered as member.
      const asUser = await as(admin, 'PATCH', `/api/admin/users/${gran.id}`, { role: 'user' });
      expect(asUser.json().user.role).toBe('member');
      expect((await as(admin, 'PATCH', `/api/admin/users/${gran.id}`, { role: 'admin' })).statusCode).toBe(200);
      const disabled = await as(admin, 'PATCH', `/api/admin/users/${gran.id}`, { is_active: false });
      expect(disabled.json().user.is_active).toBe(false);
      // Disabling ends the sessions at once.
      const after = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: granSession.auth });
      expect(after.statusCode).toBe(401);
      await as(admin, 'PATCH', `/api/admin/users/${gran.id}`, { is_active: true });

      const again = await signIn(h.app, 'gran', { password: 'Garden#Gnome42' });
      const reset = await as(admin, 'POST', `/api/admin/users/${gran.id}/password`, { password: 'New#Password99' });
      expect(reset.statusCode).toBe(204);
      expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: again.auth })).statusCode).toBe(401);
      await expect(signIn(h.app, 'gran', { password: 'Garden#Gnome42' })).rejects.toThrow(/401/);
      await signIn(h.app, 'gran', { password: 'New#Password99' });

      const empty = await as(admin, 'PATCH', `/api/admin/users/${gran.id}`, {});
      expect(empty.statusCode).toBe(400);
      const unknown = await as(admin, 'PATCH', '/api/admin/users/00000000-0000-4000-8000-000000000000', {
        is_active: false,
      });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.code).toBe('SYSTEM_005');

      await h.app.auditLog.flush();
      const actions = await h.t.db
        .selectFrom('access_logs')
        .select('action')
        .where('action', 'like', 'admin.%')
        .execute();
      expect(new Set(actions.map((a) => a.action))).toEqual(
        new Set(['admin.user_create', 'admin.user_update', 'admin.password_reset']),
      );
    });

    it('never lets the last active admin be demoted or disabled', async () => {
      const users = (await as(admin, 'GET', '/api/admin/users')).json().users as { id: string; username: string }[];
      for (const user of users.filter((u) => u.username === 'gran')) {
        await as(admin, 'PATCH', `/api/admin/users/${user.id}`, { role: 'member' });
      }
      const mum = users.find((u) => u.username === 'mum')!;
      const demote = await as(admin, 'PATCH', `/api/admin/users/${mum.id}`, { role: 'member' });
      expect(demote.statusCode).toBe(409);
      expect(demote.json().error.message).toMatch(/only active admin/);
      const disable = await as(admin, 'PATCH', `/api/admin/users/${mum.id}`, { is_active: false });
      expect(disable.statusCode).toBe(409);
    });
  });

  describe('processing queue', () => {
    beforeAll(async () => {
      const now = Date.now();
      await h.t.db
        .insertInto('processing_queue')
        .values(
          Array.from({ length: 7 }, (_, i) => ({
            path: `holiday/img_${i}.jpg`,
            size: 1000 + i,
            mtime: new Date(now - i * 1000),
            status: i < 3 ? ('failed' as const) : ('completed' as const),
            error: i < 3 ? 'ffmpeg exited with code 1' : null,
            error_code: i < 3 ? 'MEDIA_005' : null,
            failed_path: i < 3 ? `failed/holiday/img_${i}.jpg` : null,
            attempts: i < 3 ? 3 : 1,
            updated_at: new Date(now - i * 1000),
          })),
        )
        .execute();
    });

    it('lists jobs with counts and pages through them', async () => {
      const first = await as(admin, 'GET', '/api/admin/queue?limit=4');
      expect(first.statusCode).toBe(200);
      const body = first.json();
      expect(body.counts).toEqual({ queued: 0, processing: 0, completed: 4, failed: 3 });
      expect(body.jobs).toHaveLength(4);
      const second = (await as(admin, 'GET', `/api/admin/queue?limit=4&cursor=${body.next_cursor}`)).json();
      expect(second.jobs).toHaveLength(3);
      expect(second.next_cursor).toBeNull();
      const all = [...body.jobs, ...second.jobs].map((j: { path: string }) => j.path);
      expect(new Set(all).size).toBe(7);

      const failed = (await as(admin, 'GET', '/api/admin/queue?status=failed')).json();
      expect(failed.jobs).toHaveLength(3);
      expect(failed.jobs[0]).toMatchObject({
        status: 'failed',
        error_code: 'MEDIA_005',
        failed_path: expect.any(String),
      });
      expect((await as(admin, 'GET', '/api/admin/queue?cursor=nonsense')).statusCode).toBe(400);
    });

    it('retries a failed job, and only a failed one', async () => {
      const failed = (await as(admin, 'GET', '/api/admin/queue?status=failed')).json().jobs[0];
      const retried = await as(admin, 'POST', `/api/admin/queue/${failed.id}/retry`);
      expect(retried.statusCode).toBe(200);
      expect(retried.json().job).toMatchObject({ status: 'queued', attempts: 0, failed_path: failed.failed_path });
      const twice = await as(admin, 'POST', `/api/admin/queue/${failed.id}/retry`);
      expect(twice.statusCode).toBe(409);
      expect((await as(admin, 'POST', '/api/admin/queue/999999/retry')).statusCode).toBe(404);
    });
  });

  describe('audit log', () => {
    it('filters by user, action family and time, newest first, in pages', async () => {
      await signIn(h.app, 'kid');
      await signIn(h.app, 'kid');
      await h.app.auditLog.flush();
      const logins = (await as(admin, 'GET', `/api/admin/audit?user_id=${memberId}&action=auth.login`)).json();
      expect(logins.entries.length).toBeGreaterThanOrEqual(3);
      expect(logins.entries.every((e: { action: string; username: string }) => e.action === 'auth.login')).toBe(true);
      expect(logins.entries[0].username).toBe('kid');
      const times = logins.entries.map((e: { created_at: string }) => Date.parse(e.created_at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);

      const family = (await as(admin, 'GET', '/api/admin/audit?action=auth.')).json();
      expect(family.entries.some((e: { action: string }) => e.action === 'auth.login_failed')).toBe(true);

      const future = new Date(Date.now() + 3600_000).toISOString();
      expect((await as(admin, 'GET', `/api/admin/audit?from=${future}`)).json().entries).toEqual([]);

      const pageOne = (await as(admin, 'GET', '/api/admin/audit?limit=2')).json();
      const pageTwo = (await as(admin, 'GET', `/api/admin/audit?limit=2&cursor=${pageOne.next_cursor}`)).json();
      expect(pageTwo.entries[0].id).toBeLessThan(pageOne.entries[1].id);
    });
  });

  describe('storage and status', () => {
    it('reports items, bytes under ASSETS_DIR and disk space', async () => {
      await h.t.db
        .insertInto('media_files')
        .values({
          original_name: 'a.jpg',
          type: 'image',
          size: 12345,
          content_hash: randomBytes(16).toString('hex'),
          status: 'completed',
          updated_at: new Date(),
        })
        .execute();
      fs.mkdirSync(path.join(h.config.assetsDir, 'images', 'x'), { recursive: true });
      fs.writeFileSync(path.join(h.config.assetsDir, 'images', 'x', 'image.webp.sealed'), Buffer.alloc(4096));
      const response = await as(admin, 'GET', '/api/admin/storage');
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.media).toEqual([{ type: 'image', status: 'completed', count: 1, original_bytes: 12345 }]);
      expect(body.assets).toMatchObject({ total_bytes: 4096, by_folder: { images: 4096 }, files: 1 });
      expect(body.disk.free_bytes).toBeGreaterThan(0);
    });

    it('reports processor heartbeats, the allowlist self-check and key rotation', async () => {
      const before = (await as(admin, 'GET', '/api/admin/status')).json();
      expect(before.processor).toEqual({ alive: false, workers: [] });
      expect(before.warnings).toContain('No processor is running: new files are not being processed.');
      expect(before.key_rotation).toMatchObject({ last_run: null, overdue: false });

      await h.redis.redis.set(
        'processor:heartbeat:mini-1',
        JSON.stringify({ host: 'mini', pid: 42, startedAt: '2025-01-01T00:00:00.000Z', at: new Date().toISOString() }),
        'EX',
        30,
      );
      const media = await h.t.db.selectFrom('media_files').select('id').executeTakeFirstOrThrow();
      const longAgo = new Date(Date.now() - 60 * 24 * 3600_000);
      await h.t.db
        .insertInto('encryption_keys')
        .values({
          media_id: media.id,
          purpose: 'storage',
          generation: 1,
          wrapped_key: randomBytes(60),
          created_at: longAgo,
        })
        .execute();
      const after = (await as(admin, 'GET', '/api/admin/status')).json();
      expect(after.processor).toMatchObject({ alive: true, workers: [{ worker_id: 'mini-1', host: 'mini', pid: 42 }] });
      expect(after.key_rotation).toMatchObject({ last_run: null, overdue: true, active_keys: 1, latest: null });

      const finished = new Date(Date.now() - 2 * 24 * 3600_000);
      await h.t.db
        .insertInto('rotation_runs')
        .values({ status: 'completed', items_total: 1, items_done: 1, bytes: 10, errors: '[]', finished_at: finished })
        .execute();
      const rotated = (await as(admin, 'GET', '/api/admin/status')).json();
      expect(rotated.key_rotation).toMatchObject({
        last_run: finished.toISOString(),
        next_due: new Date(finished.getTime() + 30 * 24 * 3600_000).toISOString(),
        overdue: false,
        latest: { status: 'completed', items_done: 1 },
      });
      expect(after.allowlist).toMatchObject({ sees_real_clients: true, warning: null });
    });
  });
});
