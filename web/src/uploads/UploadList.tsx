import { Link } from 'react-router';
import { ProgressBar } from '../components/ProgressBar';
import { formatBytes } from '../format/formatBytes';
import { formatDuration } from '../format/formatDuration';
import { RestoreDuplicate } from './RestoreDuplicate';
import { uploadStore, type UploadEntry } from './uploadStore';

/** Each file being uploaded: bytes and speed while sending, then the processing stage, then how it ended. */
export function UploadList({ entries }: { entries: UploadEntry[] }) {
  return (
    <ul className="upload-list">
      {entries.map((entry) => (
        <li
          key={entry.key}
          className="upload-item"
          data-status={entry.status}
          data-resumed={entry.resumed || undefined}
        >
          <span className="upload-name" title={entry.name}>
            {entry.name}
          </span>
          <ProgressBar percent={barPercent(entry)} label={`Uploading ${entry.name}`} />
          <span className="upload-state" aria-live="polite">
            <UploadState entry={entry} />
          </span>
          {(entry.status === 'uploading' || entry.status === 'retrying') && (
            <button type="button" className="link-button" onClick={() => uploadStore.cancel(entry.key)}>
              Cancel
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

function barPercent(entry: UploadEntry): number | null {
  if (entry.status === 'uploading' || entry.status === 'retrying')
    return entry.size ? (entry.sent / entry.size) * 100 : 0;
  if (entry.status === 'processing') return entry.percent;
  return 100;
}

function UploadState({ entry }: { entry: UploadEntry }) {
  switch (entry.status) {
    case 'uploading':
      return (
        <>
          {formatBytes(entry.sent)} of {formatBytes(entry.size)}
          {entry.bytesPerSecond !== null && ` · ${formatBytes(entry.bytesPerSecond)}/s`}
          {entry.secondsLeft !== null && ` · ${formatDuration(entry.secondsLeft)} left`}
          {entry.resumed && ' · resumed'}
        </>
      );
    case 'retrying':
      return <>Connection lost · trying again ({formatBytes(entry.sent)} kept)</>;
    case 'processing':
      return <>Processing · {entry.stage ?? 'waiting'}</>;
    case 'done':
      return entry.mediaId ? <Link to={{ search: `?item=${entry.mediaId}` }}>Added</Link> : <>Added</>;
    case 'duplicate':
      return entry.mediaId ? (
        <>
          Already in the library · <Link to={{ search: `?item=${entry.mediaId}` }}>open it</Link>
        </>
      ) : (
        <>Already in the library</>
      );
    case 'duplicate_in_trash':
      return <RestoreDuplicate entry={entry} />;
    case 'restored':
      return entry.mediaId ? <Link to={{ search: `?item=${entry.mediaId}` }}>Restored from the Trash</Link> : null;
    case 'failed':
      return <>Failed: {entry.error}</>;
    case 'cancelled':
      return <>Cancelled</>;
  }
}
