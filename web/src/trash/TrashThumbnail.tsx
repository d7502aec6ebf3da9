import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fetchTrashThumbnail } from '../api/trash';

/** The tile picture of a trashed item, fetched with the Bearer token into a blob: URL of this page's own. */
export function TrashThumbnail({ id }: { id: string }) {
  const picture = useQuery({
    queryKey: ['trash', 'thumbnail', id],
    queryFn: ({ signal }) => fetchTrashThumbnail(id, signal),
    staleTime: Infinity,
    gcTime: 60_000,
  });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!picture.data) return;
    const made = URL.createObjectURL(picture.data);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [picture.data]);
  return url ? (
    <img className="trash-thumbnail" src={url} alt="" width={56} height={56} />
  ) : (
    <span className="trash-thumbnail" aria-hidden="true" />
  );
}
