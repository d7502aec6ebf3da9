import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/testApp.js';
import { galleryRow } from '../../testing/insertMediaRows.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/testUsers.js';

type Groups = { groups: { years_ago: number; year: number; items: { id: string }[] }[] };

describe('GET /api/media/library/on-this-day', () => {
  let h: TestApp;
  let mum: SignedIn;
  const on = (name: string, takenAt: string | null, createdAt?: string, status: 'completed' | 'failed' = 'completed') =>
    galleryRow(0, {
      original_name: name,
      taken_at: takenAt ? new Date(takenAt) : null,
      ...(createdAt ? { created_at: new Date(createdAt) } : {}),
      status,
    });
  // Today, for the viewer, is 2 December 2026.
  const rows = {
    oneYear: on('one-year.jpg', '2025-12-02T09:00:00Z'),
    oneYearLate: on('one-year-late.jpg', '2025-12-02T23:30:00Z'),
    tenYears: on('ten-years.jpg', '2016-12-02T00:00:00Z'),
    undatedAdded: on('added.jpg', null, '2020-12-02T12:00:00Z'),
    dayBefore: on('day-before.jpg', '2025-12-01T23:59:59Z'),
    dayAfter: on('day-after.jpg', '2024-12-03T00:00:00Z'),
    today: on('today.jpg', '2026-12-02T08:00:00Z'),
    otherMonth: on('other-month.jpg', '2025-11-02T10:00:00Z'),
    failed: on('failed.jpg', '2023-12-02T10:00:00Z', undefined, 'failed'),
  };

  beforeAll(async () => {
    h = await createTestApp();
    await createTestUser(h.t.db, 'mum');
    mum = await signIn(h.app, 'mum');
    await h.t.db.insertInto('media_files').values(Object.values(rows)).execute();
  });
  afterAll(() => h.close());

  async function get(query: string, status = 200) {
    const response = await h.app.inject({
      method: 'GET',
      url: `/api/media/library/on-this-day?${query}`,
      headers: mum.auth,
    });
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  }

  it('shows exactly the items of this month and day in earlier years, grouped by years ago, newest first', async () => {
    const { groups } = (await get('date=2026-12-02&tz=UTC')) as Groups;
    expect(groups.map((g) => [g.years_ago, g.year, g.items.map((i) => i.id)])).toEqual([
      [1, 2025, [rows.oneYearLate.id, rows.oneYear.id]],
      [6, 2020, [rows.undatedAdded.id]],
      [10, 2016, [rows.tenYears.id]],
    ]);
  });

  it('runs the day from midnight to midnight in the viewer’s time zone', async () => {
    // In Tokyo (UTC+9) 2 December 2025 is 1 Dec 15:00 UTC to 2 Dec 15:00 UTC.
    const { groups } = (await get('date=2026-12-02&tz=Asia/Tokyo')) as Groups;
    const ids = groups.flatMap((g) => g.items.map((i) => i.id));
    expect(ids).toContain(rows.dayBefore.id);
    expect(ids).toContain(rows.oneYear.id);
    expect(ids).not.toContain(rows.oneYearLate.id);
  });

  it('answers an empty list when nothing was taken on that day', async () => {
    expect(await get('date=2026-07-15')).toEqual({ groups: [] });
    expect(await get('date=2028-02-29&tz=Europe/London')).toEqual({ groups: [] });
  });

  it('refuses a malformed date or an unknown time zone with a 400 in the error format', async () => {
    for (const query of [
      'date=2026-13-40',
      'date=yesterday',
      '',
      'date=2026-12-02&tz=Mars/Olympus',
      "date=2026-12-02&tz=UTC';--",
    ]) {
      const body = await get(query, 400);
      expect(body.error.code).toBe('SYSTEM_003');
    }
  });
});
