import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { dismissContinueWatching, fetchContinueWatching } from '../api/memories';
import type { UnfinishedVideo } from '../api/types';
import { CloseIcon } from '../components/icons';
import { ProgressBar } from '../components/ProgressBar';
import { formatDuration } from '../format/formatDuration';
import '../styles/memories.css';

const queryKey = ['continue-watching'];

/**
 * The person's half-watched videos, most recent first. A tile opens the viewer, whose player
 * resumes from the saved position; × takes one off the row (the position stays). The row is
 * read again whenever the viewer closes, so a video just finished leaves it.
 */
export function ContinueWatchingRow() {
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const viewing = params.get('item');
  const row = useQuery({ queryKey, queryFn: ({ signal }) => fetchContinueWatching(signal) });
  const { refetch } = row;
  const wasViewing = useRef(viewing);
  useEffect(() => {
    if (wasViewing.current && !viewing) void refetch();
    wasViewing.current = viewing;
  }, [viewing, refetch]);
  const dismiss = useMutation({
    mutationFn: (id: string) => dismissContinueWatching(id),
    onMutate: (id) =>
      queryClient.setQueryData<UnfinishedVideo[]>(queryKey, (items) => items?.filter((entry) => entry.item.id !== id)),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });

  const items = row.data ?? [];
  if (items.length === 0) return null;
  return (
    <section className="continue-watching" aria-labelledby="continue-watching-title">
      <h2 id="continue-watching-title" className="strip-title">
        Continue watching
      </h2>
      <ul className="continue-list">
        {items.map(({ item, position_seconds }) => {
          const next = new URLSearchParams(params);
          next.set('item', item.id);
          const percent = item.duration ? Math.min(100, (position_seconds / item.duration) * 100) : 0;
          return (
            <li key={item.id} className="continue-item">
              <Link
                className="continue-thumb"
                to={{ search: `?${next}` }}
                aria-label={`Resume ${item.original_name} from ${formatDuration(position_seconds) || 'where you stopped'}`}
              >
                <img src={item.poster_url ?? item.thumbnail_url ?? undefined} alt="" loading="lazy" />
              </Link>
              <ProgressBar percent={percent} label={`Watched of ${item.original_name}`} />
              <span className="continue-name" title={item.original_name}>
                {item.original_name}
              </span>
              <button
                type="button"
                className="icon-button continue-dismiss"
                aria-label={`Remove ${item.original_name} from Continue watching`}
                onClick={() => dismiss.mutate(item.id)}
              >
                <CloseIcon />
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
