import { useQuery } from '@tanstack/react-query';
import { fetchStorage } from '../api/admin';
import type { StorageUse } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { formatBytes } from '../format/formatBytes';
import { formatDateTime, formatRelative } from '../format/formatDate';
import { useSystemStatus } from './useSystemStatus';

/** Key rotation, the processor, the network self-check and the disk: the health of the install. */
export function SystemPage() {
  const status = useSystemStatus();
  const storage = useQuery({ queryKey: ['admin', 'storage'], queryFn: fetchStorage });
  const rotation = status.data?.key_rotation;
  const processor = status.data?.processor;
  const allowlist = status.data?.allowlist;
  const lastSeen = processor?.workers
    .map((worker) => worker.at)
    .filter((at): at is string => at !== null)
    .sort()
    .at(-1);

  return (
    <div className="admin-grid">
      <section className="card" aria-labelledby="rotation-title">
        <h2 id="rotation-title">Key rotation</h2>
        {status.isPending ? (
          <Loading label="Checking" />
        ) : status.isError ? (
          <ErrorNotice error={status.error} action="read the key status" onRetry={() => void status.refetch()} />
        ) : (
          <>
            {rotation?.overdue && (
              <p className="notice warning" role="alert">
                Key rotation is overdue. Check that the monthly cron job runs (<code>npm run rotate-keys</code>).
              </p>
            )}
            <dl className="facts">
              <Fact term="Last rotation" value={rotation?.last_run ? formatDateTime(rotation.last_run) : 'Never'} />
              <Fact term="Next due" value={rotation?.next_due ? formatDateTime(rotation.next_due) : '—'} />
              <Fact term="Content keys in use" value={(rotation?.active_keys ?? 0).toLocaleString()} />
              <Fact
                term="Processor"
                value={
                  processor?.alive
                    ? `Running (${processor.workers.length})${lastSeen ? `, seen ${formatRelative(lastSeen)}` : ''}`
                    : 'Not running'
                }
              />
              <Fact
                term="Network self-check"
                value={
                  !allowlist || allowlist.seen === 0
                    ? 'No clients seen yet'
                    : allowlist.sees_real_clients
                      ? `Sees real client addresses (${allowlist.seen} seen)`
                      : 'Cannot tell clients apart: rely on the host firewall'
                }
              />
            </dl>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="storage-title">
        <h2 id="storage-title">Storage</h2>
        {storage.isPending ? (
          <Loading label="Measuring" />
        ) : storage.isError ? (
          <ErrorNotice error={storage.error} action="measure storage" onRetry={() => void storage.refetch()} />
        ) : (
          <StorageFacts storage={storage.data} />
        )}
      </section>
    </div>
  );
}

function StorageFacts({ storage }: { storage: StorageUse }) {
  const count = (type: string, status = 'completed') =>
    storage.media.filter((t) => t.type === type && t.status === status).reduce((sum, t) => sum + t.count, 0);
  const failed = storage.media.filter((t) => t.status === 'failed').reduce((sum, t) => sum + t.count, 0);
  const originals = storage.media.filter((t) => t.status === 'completed').reduce((sum, t) => sum + t.original_bytes, 0);
  return (
    <dl className="facts">
      <Fact
        term="In the gallery"
        value={`${count('image').toLocaleString()} photos, ${count('video').toLocaleString()} videos`}
      />
      {failed > 0 && <Fact term="Failed items" value={failed.toLocaleString()} />}
      <Fact term="Size of the originals" value={formatBytes(originals)} />
      <Fact
        term="Encrypted media"
        value={`${formatBytes(storage.assets.total_bytes)} in ${storage.assets.files.toLocaleString()} files`}
      />
      {Object.entries(storage.assets.by_folder).map(([folder, bytes]) => (
        <Fact key={folder} term={`in ${folder}/`} value={formatBytes(bytes)} />
      ))}
      {storage.disk && (
        <Fact
          term="Free disk space"
          value={`${formatBytes(storage.disk.free_bytes)} of ${formatBytes(storage.disk.total_bytes)}`}
        />
      )}
    </dl>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
