import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { fetchOnThisDay, viewersToday } from '../api/memories';
import type { MediaItem } from '../api/types';
import { PlayIcon } from '../components/icons';
import { Loading } from '../components/Loading';
import { yearsAgo } from './yearsAgo';
import '../styles/memories.css';

const Slideshow = lazy(() => import('../slideshow/Slideshow'));

/** A few tiles per year on the strip; the slideshow shows them all. */
const tilesPerYear = 4;

/**
 * On this day: what was taken on the viewer's today in earlier years, a group per year, each
 * opening the slideshow at its first item. Nothing at all when there is nothing (not even a
 * heading), and nothing while it loads or if it fails: the gallery below is what matters.
 */
export function OnThisDayStrip() {
  const today = viewersToday().date;
  const memories = useQuery({
    queryKey: ['on-this-day', today],
    queryFn: ({ signal }) => fetchOnThisDay(signal),
    staleTime: 5 * 60_000,
  });
  const groups = useMemo(() => memories.data ?? [], [memories.data]);
  const all = useMemo(() => groups.flatMap((group) => group.items), [groups]);
  const yearOf = useMemo(() => {
    const years = new Map<string, number>();
    for (const group of groups) for (const item of group.items) years.set(item.id, group.years_ago);
    return years;
  }, [groups]);
  const [showing, setShowing] = useState<number | null>(null);

  if (groups.length === 0) return null;
  const open = (item: MediaItem) => setShowing(all.indexOf(item));
  return (
    <section className="memories-strip" aria-labelledby="on-this-day-title">
      <h2 id="on-this-day-title" className="strip-title">
        On this day
      </h2>
      <ul className="memory-groups">
        {groups.map((group) => (
          <li key={group.year} className="memory-group">
            <button
              type="button"
              className="memory-card"
              aria-label={`${yearsAgo(group.years_ago)}: ${group.items.length} ${group.items.length === 1 ? 'item' : 'items'}, play slideshow`}
              onClick={() => open(group.items[0]!)}
            >
              <span className="memory-tiles">
                {group.items.slice(0, tilesPerYear).map((item) => (
                  <img key={item.id} src={item.thumbnail_url ?? undefined} alt="" loading="lazy" />
                ))}
              </span>
              <span className="memory-label">
                <PlayIcon /> {yearsAgo(group.years_ago)}
                <span className="muted"> · {group.year}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {showing !== null && (
        <Suspense fallback={<Loading label="Opening the slideshow" />}>
          <Slideshow
            label="On this day"
            items={all}
            startAt={showing}
            caption={(item) => yearsAgo(yearOf.get(item.id) ?? 1)}
            onClose={() => setShowing(null)}
          />
        </Suspense>
      )}
    </section>
  );
}
