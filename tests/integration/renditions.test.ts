import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renditionNames, renditionPath, renditions, renditionUrl, type Rendition } from '@keepsake/contracts';
import { mediaItems, type MediaFile } from '@keepsake/database';
import {
  createProcessingEnv,
  generateVideo,
  writeLiveMotion,
  writeLiveStill,
  type ProcessingEnv,
} from '@keepsake/testkit';
import { createTestApp, type TestApp } from '../../server/src/testing/testApp.js';
import { createTestUser, signIn, type SignedIn } from '../../server/src/testing/testUsers.js';

/**
 * The renditions table (contracts/src/renditions) is the one place a rendition is declared.
 * For every entry this checks the rest follows: the processor produces it for each item type the
 * entry names, the database stores where it is, a route serves it with the entry's type, and the
 * API's item view and the web's generated types carry its URL. A new entry without a producer,
 * or one whose column the database lacks, fails here by name.
 */
describe('every rendition in the table', () => {
  let env: ProcessingEnv;
  let h: TestApp;
  let admin: SignedIn;
  const items = new Map<'image' | 'video', MediaFile>();

  beforeAll(async () => {
    env = await createProcessingEnv({ workers: 1, keepOriginals: true });
    // The photo is a Live Photo, so it has every photo rendition, its motion included.
    const contentIdentifier = 'B0A7F00D-0000-4000-8000-000000000001';
    const still = { width: 640, height: 480, format: 'jpeg' as const, contentIdentifier };
    await writeLiveStill({ file: path.join(env.importsDir, 'garden.jpg'), ...still });
    await generateVideo({ file: path.join(env.importsDir, 'beach.mp4'), width: 640, height: 360, seconds: 2 });
    expect((await env.processor().runOnce()).completed).toBe(2);
    const motion = { width: 640, height: 480, seconds: 2, contentIdentifier };
    await writeLiveMotion({ file: path.join(env.importsDir, 'garden.mov'), ...motion });
    await env.processor().runOnce();
    for (const { id } of await env.t.db.selectFrom('media_files').select('id').execute()) {
      const item = (await mediaItems.findMediaById(env.t.db, id))!;
      items.set(item.type!, item);
    }
    h = await createTestApp({ processing: env });
    await createTestUser(h.t.db, 'mum', 'admin');
    admin = await signIn(h.app, 'mum');
  }, 240_000);
  afterAll(async () => {
    await h?.close();
    await env?.close();
  });

  const cases = renditionNames.flatMap((name) =>
    (renditions[name] as Rendition).types.map((type) => ({ name, type, rendition: renditions[name] as Rendition })),
  );

  it.each(cases)('$name of a $type is produced and stored', async ({ name, type, rendition }) => {
    const item = items.get(type)!;
    const stored = renditionPath(item, name);
    expect(stored, `media_files has no path for ${name}`).toMatch(
      new RegExp(`/${rendition.file.replace('.', '\\.')}$`),
    );
    if (rendition.column)
      expect(Object.keys(item), `media_files has no column ${rendition.column}`).toContain(rendition.column);
    const stat = await fs.stat(path.join(env.assetsDir, stored!));
    expect(stat.isFile() && stat.size > 0, `${stored} was not produced`).toBe(true);
  });

  it.each(cases)(
    '$name of a $type is served by its route, typed as the table says',
    async ({ name, type, rendition }) => {
      const item = items.get(type)!;
      const details = (await h.app.inject({ url: `/api/media/${item.id}`, headers: admin.auth })).json<
        Record<string, unknown>
      >();
      const url = (rendition.url ? details[rendition.url] : details.original_url) as string | null;
      expect(url, `the item view has no URL for ${name}`).toMatch(new RegExp(`^${renditionUrl(name, item.id)}\\?t=`));
      const served = await h.app.inject({ url: url!, headers: admin.auth });
      expect(served.statusCode, `${url}`).toBe(200);
      expect(served.headers['content-type']).toContain(rendition.mime ?? item.mime!);
      expect(served.rawPayload.length).toBeGreaterThan(0);
    },
  );

  // web/src/api/types.ts also fails to compile when MediaItem lacks a rendition's URL field.
  it('types every URL field in the web (the generated API types)', async () => {
    const generated = await fs.readFile(new URL('../../web/src/api/generated/openapi.ts', import.meta.url), 'utf8');
    const library = generated.slice(generated.indexOf("'/api/media/library': {"));
    for (const name of renditionNames) {
      const field = (renditions[name] as Rendition).url;
      if (field) expect(library, `MediaItem has no ${field}`).toMatch(new RegExp(`\\s${field}: string \\| null;`));
    }
  });
});
