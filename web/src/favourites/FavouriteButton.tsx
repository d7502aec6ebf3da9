import type { MediaItem } from '../api/types';
import { HeartIcon } from '../components/icons';
import { useToggleFavourite } from './useToggleFavourite';

interface Props {
  item: Pick<MediaItem, 'id' | 'original_name' | 'is_favourite'>;
  className: string;
  size?: number;
}

/** The heart: pressed when the item is one of mine. */
export function FavouriteButton({ item, className, size }: Props) {
  const toggle = useToggleFavourite();
  return (
    <button
      type="button"
      className={className}
      aria-pressed={item.is_favourite}
      aria-label={`Favourite: ${item.original_name}`}
      title={item.is_favourite ? 'Remove from favourites (f)' : 'Add to favourites (f)'}
      onClick={(event) => {
        event.preventDefault();
        toggle.mutate({ id: item.id, favourite: !item.is_favourite });
      }}
    >
      <HeartIcon filled={item.is_favourite} size={size} />
    </button>
  );
}
