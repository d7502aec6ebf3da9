interface Pager {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Show older …" under a list paged with react-query's useInfiniteQuery; nothing when all is shown. */
export function LoadMoreButton({ pager, label }: { pager: Pager; label: string }) {
  if (!pager.hasNextPage) return null;
  return (
    <button
      type="button"
      className="button"
      disabled={pager.isFetchingNextPage}
      onClick={() => void pager.fetchNextPage()}
    >
      {pager.isFetchingNextPage ? 'Loading…' : label}
    </button>
  );
}
