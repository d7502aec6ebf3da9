import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { deleteForever, fetchTrash, restoreFromTrash } from '../api/trash';
import type { TrashItem } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { Loading } from '../components/Loading';
import { formatBytes } from '../format/formatBytes';
import { formatDateTime } from '../format/formatDate';
import { SelectionBar } from '../selection/SelectionBar';
import { useSelection } from '../selection/useSelection';
import { useSelectionShortcuts } from '../selection/useSelectionShortcuts';
import { DeleteForeverDialog } from './DeleteForeverDialog';
import { TrashThumbnail } from './TrashThumbnail';
import { itemCount, trashErrorMessage } from './trashMessages';
import '../styles/trash.css';

/**
 * What was moved to the trash: restore it, or delete it forever before TRASH_DAYS do. Admins
 * see everyone's, members what they uploaded. Its thumbnails come through the Bearer-only
 * trash route: a trashed item's signed URLs answer 404.
 */
export function TrashPage() {
  const queryClient = useQueryClient();
  const trash = useInfiniteQuery({
    queryKey: ['trash'],
    queryFn: ({ pageParam, signal }) => fetchTrash(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    staleTime: 0,
  });
  const items = useMemo(() => trash.data?.pages.flatMap((page) => page.items) ?? [], [trash.data]);
  const ids = useMemo(() => items.map((item) => item.id), [items]);
  const selection = useSelection(ids);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<ReactNode>(null);
  useSelectionShortcuts(selection, confirming);
  const days = trash.data?.pages[0]?.trash_days;

  const done = async (message: string) => {
    selection.end();
    setConfirming(false);
    setNotice(message);
    await queryClient.invalidateQueries();
  };
  const restore = useMutation({
    mutationFn: restoreFromTrash,
    onSuccess: (restored) => done(`${itemCount(restored.length)} restored to the library.`),
    onError: (error) => setNotice(trashErrorMessage(error, 'restore')),
  });
  const remove = useMutation({
    mutationFn: deleteForever,
    onSuccess: (deleted) => done(`${itemCount(deleted.length)} deleted forever.`),
    onError: (error) => {
      setConfirming(false);
      setNotice(trashErrorMessage(error, 'delete'));
    },
  });

  return (
    <section className="page trash-page" aria-labelledby="trash-title">
      <h1 id="trash-title">Trash</h1>
      <p className="muted">
        Items here have left the library.{' '}
        {days ? `They are deleted for good ${days} days after they were moved here. ` : ''}
        Tick them to restore them or to delete them forever now.
      </p>
      {notice && (
        <p className="notice success" role="status">
          {notice}
        </p>
      )}
      {trash.isPending ? (
        <Loading label="Loading the trash" />
      ) : trash.isError ? (
        <ErrorNotice error={trash.error} action="load the trash" onRetry={() => void trash.refetch()} />
      ) : items.length === 0 ? (
        <div className="empty-state">
          <h2>The trash is empty</h2>
          <p>Select items in the gallery and choose Move to trash; they wait here before they are deleted.</p>
        </div>
      ) : (
        <ul className="trash-list">
          {items.map((item) => (
            <TrashRow
              key={item.id}
              item={item}
              selected={selection.selected.has(item.id)}
              onToggle={(range) => selection.toggle(item.id, range)}
            />
          ))}
        </ul>
      )}
      <LoadMoreButton pager={trash} label="Show more" />
      <SelectionBar selection={selection}>
        <button
          type="button"
          className="button"
          disabled={selection.ids.length === 0 || restore.isPending}
          onClick={() => restore.mutate(selection.ids)}
        >
          Restore
        </button>
        <button
          type="button"
          className="button danger"
          disabled={selection.ids.length === 0 || remove.isPending}
          onClick={() => setConfirming(true)}
        >
          Delete forever
        </button>
      </SelectionBar>
      {confirming && (
        <DeleteForeverDialog
          count={selection.ids.length}
          pending={remove.isPending}
          onConfirm={() => remove.mutate(selection.ids)}
          onClose={() => setConfirming(false)}
        />
      )}
    </section>
  );
}

function TrashRow({
  item,
  selected,
  onToggle,
}: {
  item: TrashItem;
  selected: boolean;
  onToggle: (range: boolean) => void;
}) {
  return (
    <li className="trash-row" data-selected={selected || undefined}>
      <label>
        <input
          type="checkbox"
          checked={selected}
          // The selection is the state; a shift-click picks the range from the last one ticked.
          onClick={(event) => onToggle(event.shiftKey)}
          onChange={() => {}}
        />
        <TrashThumbnail id={item.id} />
        <span className="trash-name">{item.original_name}</span>
        <span className="muted">
          {item.type === 'video' ? 'Video' : 'Photo'} · {formatBytes(item.size)} · trashed{' '}
          {formatDateTime(item.trashed_at)} · deleted for good {formatDateTime(item.delete_after)}
        </span>
      </label>
    </li>
  );
}
