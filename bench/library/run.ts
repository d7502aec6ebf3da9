/**
 * Library benchmark (issue 11): at 100,000 items, the database time of the query behind each
 * organise-and-find route (the same query functions the routes call: search, an album page, a
 * month jump, On this day), each beside a plain SELECT of the very rows it returned, by
 * primary key, in the same run: the floor any query returning those rows pays. p50/p95 are
 * printed, nothing is asserted (goal: p95 < 50 ms each).
 * Run: npm run bench -- library (or npx tsx --conditions=source bench/library/run.ts).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  albums,
  createDb,
  mediaLibrary,
  migrateToLatest,
  onThisDay,
  type Db,
  type LibrarySearch,
} from '@keepsake/database';
import { createUser } from '@keepsake/server';
import { databaseUrlFor, dropDatabase, withAdminClient } from '@keepsake/testkit';
import { percentile } from '../api/loadClient.js';
import { bulkInsertLibrary } from '../shared/bulkInsertLibrary.js';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const ALBUM_ITEMS = 5_000;
/** What the web asks for a page (web/src/gallery/useLibrary.ts), plus the one that says there is more. */
const PAGE = 121;

interface Case {
  name: string;
  /** Runs the route's query; answers the ids of the rows it returned. */
  query: () => Promise<string[]>;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** The same rows, fetched by primary key with the same columns: the floor. */
function byPrimaryKey(db: Db, ids: string[]) {
  return () => db.selectFrom('media_files').select(mediaLibrary.libraryColumns).where('id', 'in', ids).execute();
}

async function measure(db: Db, { name, query }: Case) {
  const ids = await query();
  if (ids.length === 0) throw new Error(`${name}: the query found nothing; the bench would measure an empty answer`);
  const plain = byPrimaryKey(db, ids);
  for (let i = 0; i < 20; i++) {
    await query();
    await plain();
  }
  const queryMs: number[] = [];
  const plainMs: number[] = [];
  // Interleaved, so a busy moment of the machine lands on both alike.
  for (let i = 0; i < RUNS; i++) {
    queryMs.push(await timed(query));
    plainMs.push(await timed(plain));
  }
  return { name, rows: ids.length, queryMs, plainMs };
}

async function seedAlbum(db: Db, userId: string): Promise<string> {
  const albumId = await albums.createAlbum(db, { name: 'Bench album', createdBy: userId });
  const rows = await db
    .selectFrom('media_files')
    .select('id')
    .where('status', '=', 'completed')
    .orderBy('content_hash')
    .limit(ALBUM_ITEMS)
    .execute();
  await albums.addAlbumItems(
    db,
    albumId,
    rows.map((row) => row.id),
    userId,
  );
  return albumId;
}

function cases(db: Db, viewer: string, albumId: string): Case[] {
  const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
  const page = (filter: mediaLibrary.LibraryFilter, from?: Date) => async () =>
    ids(await mediaLibrary.libraryPage(db, { ...filter, viewer, sort: 'taken', order: 'desc', limit: PAGE, from }));
  // As parseSearch reads "a3f" and "June 2018 a3f" (server/src/search/parseSearch.ts).
  const word: LibrarySearch = { words: ['a3f'] };
  const wordInMonth: LibrarySearch = {
    words: ['a3f'],
    dateRange: { from: new Date('2018-06-01T00:00:00Z'), before: new Date('2018-07-01T00:00:00Z') },
  };
  const now = new Date();
  const fiveYearsBack = new Date(Date.UTC(now.getUTCFullYear() - 5, now.getUTCMonth() + 1, 1));
  return [
    { name: 'search: part of a file name', query: page({ search: word }) },
    { name: 'search: a word in June 2018', query: page({ search: wordInMonth }) },
    { name: `album page (${ALBUM_ITEMS.toLocaleString('en')} items)`, query: page({ album: albumId }) },
    { name: 'month jump, five years back', query: page({}, fiveYearsBack) },
    {
      name: 'On this day',
      query: async () =>
        ids(
          await onThisDay.onThisDay(db, {
            year: now.getUTCFullYear(),
            month: now.getUTCMonth() + 1,
            day: now.getUTCDate(),
            timeZone: 'Europe/London',
            viewer,
            limit: 200,
          }),
        ),
    },
  ];
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`.padStart(9);

async function main(): Promise<void> {
  const name = `keepsake_bench_${Date.now().toString(36)}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
  const db = createDb({ databaseUrl: databaseUrlFor(name), maxConnections: 2 });
  try {
    await migrateToLatest(db);
    process.stdout.write(`inserting ${ITEMS.toLocaleString('en')} library rows… `);
    await bulkInsertLibrary(db, ITEMS);
    const user = await createUser(
      { db },
      { username: 'bench', email: 'bench@example.com', fullName: 'Bench', role: 'member', password: 'Bench#Mark2025' },
    );
    const albumId = await seedAlbum(db, user.id);
    console.log('done');

    console.log(`\n${'query'.padEnd(34)} rows   query p50  query p95   by-PK p50  by-PK p95`);
    for (const benchCase of cases(db, user.id, albumId)) {
      const { rows, queryMs, plainMs } = await measure(db, benchCase);
      const p95 = percentile(queryMs, 95);
      console.log(
        `${benchCase.name.padEnd(34)} ${String(rows).padStart(4)}  ${fmt(percentile(queryMs, 50))}  ${fmt(p95)}   ${fmt(percentile(plainMs, 50))}  ${fmt(percentile(plainMs, 95))}   goal p95 < 50 ms: ${p95 < 50 ? 'met' : 'MISSED'}`,
      );
    }
    console.log(
      `\n${RUNS} runs each, query and by-PK interleaved, one connection, database time seen by the server process (no HTTP).`,
    );
    console.log(`machine: ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}`);
  } finally {
    await db.destroy();
    await dropDatabase(name);
  }
}

await main();
