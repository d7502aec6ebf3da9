import os from 'node:os';
import { Command, Option } from 'commander';
import { isUuid } from '@keepsake/contracts';
import { accessLogs, createDb, mediaItems, trash, type MediaFile } from '@keepsake/database';
import { loadCommonConfig, megabytes, OperatorError, runCli, terminalProgress } from '@keepsake/platform';
import { openKeyStore, trashCutoff } from '@keepsake/vault';
import type { AuditEntry } from '../audit/AuditLog.js';
import { ApiError } from '../errors/ApiError.js';
import { deleteForever } from '../trash/deleteForever.js';
import { moveToTrash } from '../trash/moveToTrash.js';
import { restoreFromTrash } from '../trash/restoreFromTrash.js';
import type { TrashActor, TrashDeps } from '../trash/trashDeps.js';

/** The CLI acts as an admin; its audit rows have no user but say they came from here and which OS account. */
const actor: TrashActor = { userId: null, role: 'admin' };

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** Opens the database and key store the trash services need, runs one action, and always closes them. */
async function withDeps(action: (deps: TrashDeps) => Promise<void>): Promise<void> {
  const config = loadCommonConfig();
  const db = createDb({ databaseUrl: config.databaseUrl, maxConnections: 2, applicationName: 'keepsake-media' });
  const via = { via: 'cli', os_user: os.userInfo().username, host: os.hostname() };
  try {
    const keyStore = await openKeyStore({ db, masterKeyFile: config.masterKeyFile });
    await action({
      db,
      keyStore,
      assetsDir: config.assetsDir,
      trashDays: config.trashDays,
      audit: (entries: AuditEntry[]) =>
        accessLogs.insertAccessLogs(
          db,
          entries.map((entry) => ({
            action: entry.action,
            media_id: entry.mediaId ?? null,
            details: JSON.stringify({ ...entry.details, ...via }),
          })),
        ),
      warn: (_details, message) => process.stderr.write(`keepsake: ${message}\n`),
    });
  } catch (error) {
    // The services' refusals (unknown ids, not in the trash) read well as they are.
    if (error instanceof ApiError) throw new OperatorError(`${error.message}${detailText(error.details)}`);
    throw error;
  } finally {
    await db.destroy();
  }
}

function detailText(details: unknown): string {
  if (!details || typeof details !== 'object') return '';
  return Object.entries(details)
    .map(([key, ids]) => ` ${key.replace(/_/g, ' ')}: ${Array.isArray(ids) ? ids.join(', ') : String(ids)}`)
    .join(';');
}

function describeItem(item: MediaFile): string {
  const date = (item.taken_at ?? item.created_at).toISOString().slice(0, 10);
  const trashed = item.trashed_at ? `  trashed ${item.trashed_at.toISOString().slice(0, 16).replace('T', ' ')}` : '';
  return `${item.id}  ${(item.type ?? '?').padEnd(5)}  ${megabytes(Number(item.size)).padStart(8)} MB  ${date}  ${item.original_name}${trashed}`;
}

interface Selection {
  name?: string;
  yes: boolean;
}

/**
 * The items a command acts on: the ids given, or those whose name contains `--name` in the
 * state the command takes them from. A search acts only with `--yes` (it may match more than meant).
 */
async function pick(
  deps: TrashDeps,
  ids: string[],
  options: Selection,
  from: 'completed' | 'trashed',
): Promise<MediaFile[] | undefined> {
  if (ids.length > 0 === (options.name !== undefined)) {
    throw new OperatorError('give either item ids or --name <text>, not both or neither (see --help)');
  }
  if (options.name === undefined) {
    const bad = ids.filter((id) => !isUuid(id));
    if (bad.length > 0) throw new OperatorError(`not an item id: ${bad.join(', ')} (ids are UUIDs; try list)`);
    const found = new Map((await mediaItems.findMediaByIds(deps.db, ids)).map((item) => [item.id, item]));
    const missing = ids.filter((id) => !found.has(id.toLowerCase()));
    if (missing.length > 0) throw new OperatorError(`no such item: ${missing.join(', ')}`);
    return ids.map((id) => found.get(id.toLowerCase())!);
  }
  const found = await trash.findItems(deps.db, { status: from, name: options.name, limit: 10_000 });
  if (found.length === 0) {
    print(`Nothing ${from === 'trashed' ? 'in the trash' : 'in the library'} has "${options.name}" in its name.`);
    return [];
  }
  found.forEach((item) => print(describeItem(item)));
  if (!options.yes) {
    print(`${found.length} item(s) match. Run again with --yes to go ahead.`);
    return undefined;
  }
  return found;
}

/** Runs `act` one item at a time, so a long list shows its progress and a failure names its item. */
async function oneByOne(items: MediaFile[], verb: string, act: (item: MediaFile) => Promise<boolean>): Promise<void> {
  const progress = terminalProgress(`${verb} [{bar}] {value}/{total}`);
  let changed = 0;
  try {
    for (const [i, item] of items.entries()) {
      const done = await act(item);
      if (done) changed += 1;
      progress.update(i + 1, items.length);
      print(`[${i + 1}/${items.length}] ${done ? verb : 'unchanged'}  ${item.id}  ${item.original_name}`);
    }
  } finally {
    progress.stop();
  }
  print(`${verb}: ${changed} of ${items.length}.`);
}

const program = new Command('media').description(
  'Look after the library from the command line: list it or the trash, move items to the trash, restore them, delete them forever.',
);

program
  .command('list')
  .description('List the library (newest first) or, with --trash, what is in the trash.')
  .option('--trash', 'list the trash instead of the library', false)
  .option('--name <text>', 'only items whose file name contains this text')
  .addOption(new Option('--type <type>', 'only photos or videos').choices(['image', 'video']))
  .option('--limit <n>', 'at most this many', (value) => Number.parseInt(value, 10), 100)
  .option('--json', 'print JSON', false)
  .action((opts: { trash: boolean; name?: string; type?: 'image' | 'video'; limit: number; json: boolean }) =>
    withDeps(async (deps) => {
      if (!Number.isInteger(opts.limit) || opts.limit < 1) throw new OperatorError('--limit must be a positive number');
      const items = opts.trash
        ? await trash.listTrash(deps.db, { name: opts.name, type: opts.type, limit: opts.limit })
        : await trash.findItems(deps.db, { status: 'completed', name: opts.name, type: opts.type, limit: opts.limit });
      if (opts.json) return print(JSON.stringify(items, null, 2));
      if (items.length === 0) return print(opts.trash ? 'The trash is empty.' : 'Nothing found.');
      items.forEach((item) => print(describeItem(item)));
      if (opts.trash) print(`Items are deleted for good ${deps.trashDays} days after they were trashed (TRASH_DAYS).`);
    }),
  );

program
  .command('trash')
  .description('Move items to the trash: they leave the library and their links stop working at once.')
  .argument('[ids...]', 'item ids (from list)')
  .option('--name <text>', 'the library items whose file name contains this text (shown first; acts with --yes)')
  .option('--yes', 'go ahead with what --name found', false)
  .action((ids: string[], opts: Selection) =>
    withDeps(async (deps) => {
      const items = await pick(deps, ids, opts, 'completed');
      if (!items?.length) return;
      // One request, all or nothing, as from the gallery: an item in neither place stops it before any change.
      const moved = new Set(
        await moveToTrash(
          deps,
          actor,
          items.map((item) => item.id),
        ),
      );
      await oneByOne(items, 'trashed', async (item) => moved.has(item.id));
      print(`Restore with: npm run media -- restore <id>. Deleted for good after ${deps.trashDays} days.`);
    }),
  );

program
  .command('restore')
  .description('Bring items back from the trash into the library, as they were.')
  .argument('[ids...]', 'item ids (from list --trash)')
  .option('--name <text>', 'the trashed items whose file name contains this text (shown first; acts with --yes)')
  .option('--yes', 'go ahead with what --name found', false)
  .action((ids: string[], opts: Selection) =>
    withDeps(async (deps) => {
      const items = await pick(deps, ids, opts, 'trashed');
      if (!items?.length) return;
      await oneByOne(items, 'restored', async (item) => (await restoreFromTrash(deps, actor, [item.id])).length > 0);
    }),
  );

program
  .command('purge')
  .description(
    'Delete items in the trash forever: their keys are destroyed first (every copy of their files becomes unreadable), then their files. Cannot be undone.',
  )
  .argument('[ids...]', 'ids of trashed items (from list --trash)')
  .option('--name <text>', 'the trashed items whose file name contains this text')
  .option('--expired', 'everything trashed longer ago than TRASH_DAYS (what the processor does by itself)', false)
  .option('--yes', 'really delete (without it, purge only shows what it would delete)', false)
  .action((ids: string[], opts: Selection & { expired: boolean }) =>
    withDeps(async (deps) => {
      let items: MediaFile[] | undefined;
      if (opts.expired) {
        if (ids.length > 0 || opts.name !== undefined) throw new OperatorError('--expired takes no ids and no --name');
        items = await trash.listExpiredTrash(deps.db, trashCutoff(deps.trashDays), 100_000);
        items.forEach((item) => print(describeItem(item)));
        if (items.length === 0) return print(`Nothing has been in the trash for more than ${deps.trashDays} days.`);
        if (!opts.yes) return print(`${items.length} item(s) would be deleted forever. Run again with --yes.`);
      } else {
        items = await pick(deps, ids, opts, 'trashed');
        if (!items?.length) return;
        if (opts.name === undefined && !opts.yes) {
          items.forEach((item) => print(describeItem(item)));
          return print(`${items.length} item(s) would be deleted forever. Run again with --yes.`);
        }
      }
      let filesLeft = false;
      await oneByOne(items, 'deleted forever', async (item) => {
        const outcome = await deleteForever(deps, actor, [item.id]);
        filesLeft ||= !outcome.filesRemoved;
        return outcome.deleted.length > 0;
      });
      if (filesLeft) print("Their (unreadable) files are removed by the processor's next cleanup pass.");
    }),
  );

runCli(async () => {
  await program.parseAsync();
});
