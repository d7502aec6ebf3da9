import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindingFor, openKeyStore, openSealedFile, storageKeyResolver } from '@keepsake/vault';
import { generateImage, saveScreenshot, startBrowserStack, stopBrowserStack, type Stack } from '@keepsake/testkit';
import { signInThroughForm } from './support/signIn.js';

const kid = { login: 'kid', password: 'Kitchen#Table7' };

/** Newest first, as the gallery shows them. */
const photos = [
  ['a.jpg', '2024:07:14 10:30:00', 640],
  ['b.jpg', '2024:07:02 12:00:00', 600],
  ['c.jpg', '2023:06:02 18:00:00', 560],
] as const;

/**
 * The trash in the browser, as a member with items of their own (web uploads): select two, move
 * them to the trash, restore one, delete the other forever; the deleted one's URLs answer 404,
 * its keys and files are gone, and a copy of its sealed files made before opens no more.
 */
describe('the trash in the gallery', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ stack, browser } = await startBrowserStack({
      users: [{ username: kid.login, password: kid.password, fullName: 'Kid Berg' }],
      prepare: async (started) => {
        // Files under uploads/<username>/ are that person's uploads (uploaded_by).
        for (const [name, dateTaken, width] of photos)
          await generateImage({
            file: path.join(started.dirs.imports, 'uploads', kid.login, name),
            width,
            height: 480,
            format: 'jpeg',
            exif: { dateTaken },
          });
        const processed = await started.processImports();
        expect(processed.exitCode, processed.output).toBe(0);
      },
    }));
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  });

  afterAll(() => stopBrowserStack({ stack, browser }));

  const titles = () => page.locator('a.tile').evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('title')));
  const tile = (name: string) => page.locator(`a.tile[title="${name}"]`);
  const thumbnailOf = async (name: string) =>
    new URL((await tile(name).locator('img').first().getAttribute('src'))!, stack.baseUrl).href;
  const status = (url: string) => fetch(url).then((response) => response.status);
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const bar = () => page.getByRole('toolbar', { name: 'Selection' });
  const row = async (name: string) =>
    stack.database.db.selectFrom('media_files').selectAll().where('original_name', '=', name).executeTakeFirst();

  it('moves two selected items to the trash, restores one and deletes the other forever', async () => {
    const b = (await row('b.jpg'))!;
    expect(b.uploaded_by).not.toBeNull();
    await signInThroughForm(page, stack.baseUrl, kid);
    await expect.poll(titles).toEqual(photos.map(([name]) => name));

    const urls = { a: await thumbnailOf('a.jpg'), b: await thumbnailOf('b.jpg') };
    for (const url of Object.values(urls)) expect(await status(url)).toBe(200);
    // Someone copies b's sealed files aside before it is deleted.
    const aside = path.join(stack.dirs.root, 'aside');
    await fs.mkdir(aside);
    const sealed = [b.image_path!, b.thumbnail_path!, b.original_path!];
    for (const [i, file] of sealed.entries())
      await fs.copyFile(path.join(stack.dirs.assets, file), path.join(aside, `${i}`));

    // Select two: the tile's check, then (in selection mode) a click on the next tile.
    await tile('a.jpg').hover();
    await page.getByRole('button', { name: 'Select a.jpg', exact: true }).click();
    await tile('b.jpg').click();
    await bar().getByText('2 selected').waitFor();
    // A month's header unselects and selects the whole month (a and b are both from July 2024).
    await page.getByRole('button', { name: /^Unselect all of .*2024/ }).click();
    await bar().getByText('Tap items to select them').waitFor();
    await page.getByRole('button', { name: /^Select all of .*2024/ }).click();
    await bar().getByText('2 selected').waitFor();
    await bar().getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('status').getByText('2 items moved to the Trash').waitFor();
    await expect.poll(titles).toEqual(['c.jpg']);
    // Their URLs stop at once, those already handed out included.
    expect(await status(urls.a)).toBe(404);
    expect(await status(urls.b)).toBe(404);

    await nav('Trash').click();
    await page.getByRole('heading', { name: 'Trash', level: 1 }).waitFor();
    await page.getByText('deleted for good 30 days after').waitFor();
    expect(await page.locator('.trash-name').allTextContents()).toEqual(['a.jpg', 'b.jpg']);
    // Their thumbnails, through the trash's own Bearer-only route.
    await expect.poll(() => page.locator('img.trash-thumbnail').count()).toBe(2);
    await saveScreenshot(page, 'trash-page');

    await page.getByRole('checkbox', { name: /a\.jpg/ }).click();
    await bar().getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('status').getByText('1 item restored to the library').waitFor();
    await expect.poll(() => page.locator('.trash-name').allTextContents()).toEqual(['b.jpg']);
    expect(await status(urls.a)).toBe(200);

    await page.getByRole('checkbox', { name: /b\.jpg/ }).click();
    await bar().getByRole('button', { name: 'Delete forever' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete 1 item forever?' });
    await dialog.getByRole('button', { name: 'Delete forever' }).click();
    await page.getByRole('status').getByText('1 item deleted forever').waitFor();
    await page.getByRole('heading', { name: 'The trash is empty' }).waitFor();

    await nav('Gallery').click();
    await expect.poll(titles).toEqual(['a.jpg', 'c.jpg']);

    // Gone for good: the URL, the key rows, the row, the files; the copies no longer open.
    expect(await status(urls.b)).toBe(404);
    expect(
      await stack.database.db.selectFrom('encryption_keys').select('id').where('media_id', '=', b.id).execute(),
    ).toEqual([]);
    expect(await row('b.jpg')).toBeUndefined();
    for (const kind of ['images', 'originals']) {
      await expect(fs.stat(path.join(stack.dirs.assets, kind, b.id))).rejects.toThrow();
    }
    const keyStore = await openKeyStore({
      db: stack.database.db,
      masterKeyFile: path.join(stack.dirs.private, 'master.key'),
    });
    for (const [i, file] of sealed.entries()) {
      await expect(
        openSealedFile(path.join(aside, `${i}`), storageKeyResolver(keyStore), {
          binding: bindingFor(b.id, path.basename(file)),
        }),
      ).rejects.toThrow();
    }
    // The server writes its audit rows in batches.
    const actions = async () =>
      (
        await stack.database.db
          .selectFrom('access_logs')
          .select('action')
          .where('action', 'in', ['media.trash', 'media.restore', 'media.delete'])
          .orderBy('id')
          .execute()
      ).map((entry) => entry.action);
    await expect.poll(actions).toEqual(['media.trash', 'media.trash', 'media.restore', 'media.delete']);
  });

  it('moves an item to the trash from the viewer (button or Delete) only when the person may, then goes on', async () => {
    // A photo from the drop folder (nobody's upload, newest of all): the kid may not trash it.
    await generateImage({
      file: path.join(stack.dirs.imports, 'd.jpg'),
      width: 520,
      height: 480,
      format: 'jpeg',
      exif: { dateTaken: '2025:01:05 09:00:00' },
    });
    const processed = await stack.processImports();
    expect(processed.exitCode, processed.output).toBe(0);
    await page.reload();
    await expect.poll(titles).toEqual(['d.jpg', 'a.jpg', 'c.jpg']);

    const viewer = (name: string) => page.getByRole('dialog', { name });
    const trashButton = (name: string) => viewer(name).getByRole('button', { name: 'Move to trash' });
    await tile('d.jpg').click();
    // The details have come (Download is drawn from them): no trash button, and Delete does nothing.
    await viewer('d.jpg').getByRole('link', { name: 'Download' }).waitFor();
    expect(await trashButton('d.jpg').count()).toBe(0);
    await page.keyboard.press('Delete');
    await viewer('d.jpg').getByRole('button', { name: 'Next: a.jpg' }).click();

    // Her own upload: the Delete key trashes it and the viewer shows the next item.
    await trashButton('a.jpg').waitFor();
    await page.keyboard.press('Delete');
    await viewer('c.jpg').waitFor();
    await viewer('c.jpg').getByRole('status').getByText('1 item moved to the Trash').waitFor();
    expect((await row('a.jpg'))!.status).toBe('trashed');

    // The last one, by its button: nothing follows, so the viewer closes onto the gallery.
    await trashButton('c.jpg').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('status').getByText('1 item moved to the Trash').waitFor();
    await expect.poll(titles).toEqual(['d.jpg']);
    expect((await row('c.jpg'))!.status).toBe('trashed');
    expect((await row('d.jpg'))!.status).toBe('completed');
    await nav('Trash').click();
    await expect.poll(() => page.locator('.trash-name').allTextContents()).toEqual(['c.jpg', 'a.jpg']);
  });
});
