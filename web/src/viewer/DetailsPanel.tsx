import type { MediaDetails, MediaItem } from '../api/types';
import { formatBytes } from '../format/formatBytes';
import { formatDateTime } from '../format/formatDate';
import { formatDuration } from '../format/formatDuration';
import { CaptionEditor } from './CaptionEditor';
import { cameraOf } from './cameraOf';

export function DetailsPanel({ item, details }: { item: MediaItem; details: MediaDetails | undefined }) {
  const camera = cameraOf(details?.metadata);
  const rows: [string, string][] = [
    ['Name', item.original_name],
    ['Taken', item.taken_at ? formatDateTime(item.taken_at) : 'Unknown'],
    ['Added', formatDateTime(item.created_at)],
    ['Size', formatBytes(item.size)],
  ];
  if (item.width && item.height) rows.push(['Dimensions', `${item.width} × ${item.height}`]);
  if (item.type === 'video' && item.duration) rows.push(['Length', formatDuration(item.duration)]);
  if (camera) rows.push(['Camera', camera]);
  if (item.mime) rows.push(['Format', item.mime]);
  return (
    <aside className="details-panel" aria-label="Details">
      <h2>Details</h2>
      <CaptionEditor id={item.id} caption={details?.caption ?? item.caption} />
      <dl>
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
