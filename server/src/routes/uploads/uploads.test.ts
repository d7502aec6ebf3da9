import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PARTIAL_UPLOADS_DIR } from '@keepsake/platform';
import { createTestApp, type TestApp } from '../../testing/testApp.js';
import { freeDiskSpace } from '../../uploads/freeDiskSpace.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/testUsers.js';

const tus = { 'Tus-Resumable': '1.0.0' };
const metadata = (name: string) => `filename ${Buffer.from(name).toString('base64')},filetype aW1hZ2UvanBlZw==`;

interface Household {
  h: TestApp;
  base: string;
  anna: SignedIn;
  ben: SignedIn;
  admin: SignedIn;
}

async function household(env: Record<string, string> = {}): Promise<Household> {
  const h = await createTestApp({ env: { UPLOAD_MIN_FREE_BYTES: '0', ...env } });
  await createTestUser(h.t.db, 'anna');
  await createTestUser(h.t.db, 'ben');
  await createTestUser(h.t.db, 'root', 'admin');
  const address = await h.app.listen({ host: '127.0.0.1', port: 0 });
  return {
    h,
    base: address,
    anna: await signIn(h.app, 'anna'),
    ben: await signIn(h.app, 'ben'),
    admin: await signIn(h.app, 'root'),
  };
}

function create(x: Household, who: SignedIn, size: number, name = 'IMG_0001.jpg') {
  return fetch(`${x.base}/api/uploads`, {
    method: 'POST',
    headers: { ...tus, ...who.auth, 'Upload-Length': String(size), 'Upload-Metadata': metadata(name) },
  });
}

function patch(x: Household, who: SignedIn, location: string, offset: number, chunk: Buffer) {
  return fetch(new URL(location, x.base), {
    method: 'PATCH',
    headers: {
      ...tus,
      ...who.auth,
      'Upload-Offset': String(offset),
      'Content-Type': 'application/offset+octet-stream',
    },
    body: chunk,
  });
}

function head(x: Household, who: SignedIn, location: string) {
  return fetch(new URL(location, x.base), { method: 'HEAD', headers: { ...tus, ...who.auth } });
}

interface ErrorJson {
  error: { code: string; details: Record<string, unknown> };
}
const errorOf = async (response: Response) => ((await response.json()) as ErrorJson).error;

const partialFiles = (x: Household) => fs.readdirSync(path.join(x.h.config.importsDir, PARTIAL_UPLOADS_DIR));

describe('uploads (tus)', () => {
  let x: Household;
  beforeAll(async () => {
    x = await household();
  });
  afterAll(() => x.h.close());

  test('creates, takes chunks, tells how far it got, and moves the whole file into imports/uploads/<user>/', async () => {
    const bytes = randomBytes(300_000);
    const created = await create(x, x.anna, bytes.length);
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    expect(location).toMatch(/^\/api\/uploads\/[0-9a-f]{32}$/);
    expect(created.headers.get('access-control-allow-origin')).toBeNull();
    expect(created.headers.get('x-content-type-options')).toBe('nosniff');

    expect((await head(x, x.anna, location)).headers.get('upload-offset')).toBe('0');
    const first = await patch(x, x.anna, location, 0, bytes.subarray(0, 100_000));
    expect(first.status).toBe(204);
    expect(first.headers.get('upload-offset')).toBe('100000');
    const asked = await head(x, x.anna, location);
    expect([asked.headers.get('upload-offset'), asked.headers.get('upload-length')]).toEqual(['100000', '300000']);
    expect(asked.headers.get('cache-control')).toBe('no-store');

    // A chunk sent again from the wrong place changes nothing.
    const wrong = await patch(x, x.anna, location, 0, bytes.subarray(0, 10));
    expect(wrong.status).toBe(409);
    expect((await errorOf(wrong)).code).toBe('SYSTEM_006');

    const last = await patch(x, x.anna, location, 100_000, bytes.subarray(100_000));
    expect(last.status).toBe(204);
    const importPath = last.headers.get('keepsake-import-path');
    expect(importPath).toBe('uploads/anna/IMG_0001.jpg');
    expect(fs.readFileSync(path.join(x.h.config.importsDir, importPath!)).equals(bytes)).toBe(true);
    expect(partialFiles(x)).toEqual([]);
    expect((await head(x, x.anna, location)).status).toBe(404);

    await x.h.app.auditLog.flush();
    const audit = await x.h.t.db
      .selectFrom('access_logs')
      .select(['action', 'details'])
      .where('action', '=', 'media.upload')
      .execute();
    expect(audit.map((row) => row.details)).toContainEqual(
      expect.objectContaining({ file: importPath, size: 300_000 }),
    );
  });

  test('keeps the partial folder readable by Keepsake only', () => {
    const mode = fs.statSync(path.join(x.h.config.importsDir, PARTIAL_UPLOADS_DIR)).mode & 0o777;
    expect(mode.toString(8)).toBe('700');
  });

  test('never overwrites: the same name twice becomes "name (2)"', async () => {
    const paths: string[] = [];
    for (const content of [randomBytes(10), randomBytes(10)]) {
      const location = (await create(x, x.anna, 10, 'same.jpg')).headers.get('location')!;
      paths.push((await patch(x, x.anna, location, 0, content)).headers.get('keepsake-import-path')!);
    }
    expect(paths).toEqual(['uploads/anna/same.jpg', 'uploads/anna/same (2).jpg']);
  });

  test('a file name cannot lead outside the user folder nor be one the watcher skips', async () => {
    const names: string[] = [];
    for (const name of ['../../etc/passwd', '.hidden.jpg', 'video.mp4.part']) {
      const location = (await create(x, x.anna, 3, name)).headers.get('location')!;
      names.push((await patch(x, x.anna, location, 0, Buffer.from('abc'))).headers.get('keepsake-import-path')!);
    }
    expect(names).toEqual(['uploads/anna/passwd', 'uploads/anna/hidden.jpg', 'uploads/anna/video.mp4.part.upload']);
  });

  test("another member's upload is not there for you", async () => {
    const location = (await create(x, x.anna, 10)).headers.get('location')!;
    expect((await head(x, x.ben, location)).status).toBe(404);
    const refused = await patch(x, x.ben, location, 0, randomBytes(10));
    expect(refused.status).toBe(404);
    expect((await errorOf(refused)).code).toBe('SYSTEM_005');
    expect((await head(x, x.anna, location)).headers.get('upload-offset')).toBe('0');
  });

  test('needs a signed-in caller and a declared size', async () => {
    const anonymous = await fetch(`${x.base}/api/uploads`, {
      method: 'POST',
      headers: { ...tus, 'Upload-Length': '10' },
    });
    expect(anonymous.status).toBe(401);
    const deferred = await fetch(`${x.base}/api/uploads`, {
      method: 'POST',
      headers: { ...tus, ...x.anna.auth, 'Upload-Defer-Length': '1' },
    });
    expect(deferred.status).toBe(400);
    expect((await errorOf(deferred)).code).toBe('SYSTEM_003');
  });

  test('tells the web whether it may upload and in which chunks', async () => {
    const answer = await fetch(`${x.base}/api/uploads`, { headers: x.anna.auth });
    expect(await answer.json()).toEqual({ can_upload: true, max_bytes: 20 * 1024 ** 3, chunk_bytes: 32 * 1024 * 1024 });
  });
});

describe('uploads refused before a byte is stored', () => {
  test('over UPLOAD_MAX_BYTES: 413 UPLOAD_001', async () => {
    const x = await household({ UPLOAD_MAX_BYTES: '1000' });
    try {
      const refused = await create(x, x.anna, 1001);
      expect(refused.status).toBe(413);
      expect(await errorOf(refused)).toMatchObject({ code: 'UPLOAD_001', details: { max_bytes: 1000 } });
      expect(partialFiles(x)).toEqual([]);
      expect((await create(x, x.anna, 1000)).status).toBe(201);
    } finally {
      await x.h.close();
    }
  });

  test('more than the disk can take while keeping UPLOAD_MIN_FREE_BYTES free: 507 UPLOAD_002', async () => {
    // Free space is asked of the real filesystem (statfs); a threshold beyond any disk makes the refusal certain.
    const x = await household({ UPLOAD_MIN_FREE_BYTES: String(2 ** 52) });
    try {
      const refused = await create(x, x.anna, 10);
      expect(refused.status).toBe(507);
      const body = { error: await errorOf(refused) };
      expect(body.error.code).toBe('UPLOAD_002');
      expect(body.error.details).toMatchObject({ size: 10, keep_free_bytes: 2 ** 52 });
      expect(body.error.details.free_bytes).toBeGreaterThan(0);
      expect(partialFiles(x)).toEqual([]);
    } finally {
      await x.h.close();
    }
  });

  test('counts what uploads in progress will still write: two large ones at once cannot both pass', async () => {
    // The real free space and a margin that leaves room for one upload of `size`, not two, with
    // half a size of slack either way for whatever else writes to this disk meanwhile. Only
    // the declarations are large: a few bytes are ever sent.
    const free = await freeDiskSpace(os.tmpdir());
    const size = Math.floor(free / 10);
    const x = await household({
      UPLOAD_MAX_BYTES: String(size),
      UPLOAD_MIN_FREE_BYTES: String(free - Math.floor(1.5 * size)),
    });
    try {
      const answers = await Promise.all([create(x, x.anna, size, 'big-a.mov'), create(x, x.ben, size, 'big-b.mov')]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 507]);
      const annaFirst = answers[0]!.status === 201;
      const [made, refused] = annaFirst ? answers : [answers[1]!, answers[0]!];
      const [first, second] = annaFirst ? [x.anna, x.ben] : [x.ben, x.anna];
      const error = await errorOf(refused!);
      expect(error.code).toBe('UPLOAD_002');
      expect(error.details).toMatchObject({ size, promised_bytes: size });

      // Some bytes arrive: still promised, less by that much.
      const location = made!.headers.get('location')!;
      expect((await patch(x, first, location, 0, randomBytes(1000))).status).toBe(204);
      const again = await create(x, second, size, 'big-b.mov');
      expect(again.status).toBe(507);
      expect((await errorOf(again)).details).toMatchObject({ promised_bytes: size - 1000 });

      // Given up: its promise goes with it, and the other fits.
      const given = await fetch(new URL(location, x.base), { method: 'DELETE', headers: { ...tus, ...first.auth } });
      expect(given.status).toBe(204);
      const fits = await create(x, second, size, 'big-b.mov');
      expect(fits.status).toBe(201);
      const cancel = { method: 'DELETE', headers: { ...tus, ...second.auth } };
      expect((await fetch(new URL(fits.headers.get('location')!, x.base), cancel)).status).toBe(204);
      expect(partialFiles(x)).toEqual([]);
    } finally {
      await x.h.close();
    }
  });

  test('a declared size larger than the free disk: 507 UPLOAD_002', async () => {
    const x = await household({ UPLOAD_MAX_BYTES: String(2 ** 52) });
    try {
      const refused = await create(x, x.anna, 2 ** 51);
      expect(refused.status).toBe(507);
      expect(partialFiles(x)).toEqual([]);
    } finally {
      await x.h.close();
    }
  });

  test('members while MEMBERS_CAN_UPLOAD is off: 403 UPLOAD_003; admins still may', async () => {
    const x = await household({ MEMBERS_CAN_UPLOAD: 'false' });
    try {
      const refused = await create(x, x.anna, 10);
      expect(refused.status).toBe(403);
      expect((await errorOf(refused)).code).toBe('UPLOAD_003');
      expect(await (await fetch(`${x.base}/api/uploads`, { headers: x.anna.auth })).json()).toMatchObject({
        can_upload: false,
      });
      expect((await create(x, x.admin, 10)).status).toBe(201);
    } finally {
      await x.h.close();
    }
  });
});
