import { useEffect, useState } from 'react';
import type { TrickplayView } from '@keepsake/contracts';

/**
 * The video's seek-bar previews, fetched once from its signed index URL (null while loading,
 * for a video made before previews existed, or when the index cannot be had: the bar still seeks).
 */
export function useTrickplayIndex(url: string | null): TrickplayView | null {
  const [index, setIndex] = useState<TrickplayView | null>(null);
  useEffect(() => {
    setIndex(null);
    if (!url) return;
    const controller = new AbortController();
    fetch(url, { signal: controller.signal, credentials: 'same-origin' })
      .then((response) => (response.ok ? (response.json() as Promise<TrickplayView>) : null))
      .then((view) => {
        if (view) setIndex(view);
      })
      .catch(() => {});
    return () => controller.abort();
  }, [url]);
  return index;
}
