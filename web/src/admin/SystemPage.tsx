import { useQuery } from '@tanstack/react-query';
import { fetchStorage } from '../api/admin';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { formatBytes } from '../format/formatBytes';
import { formatDateTime, formatRelative } from '../format/formatDate';
import { useSystemStatus } from './useSystemStatus';

export function SystemPage() {
  const status = useSystemStatus();
  const storage = useQuery({ queryKey: ['admin', 'storage'], queryFn: fetchStorage });
  const rotation = status.data?.key_rotation;
  const processor = status.data?.processor;

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
              <div>
                <dt>Last rotation</dt>
                <dd>{rotation?.last_run_at ? formatDateTime(rotation.last_run_at) : 'Never'}</dd>
              </div>
              <div>
                <dt>Next due</dt>
                <dd>{rotation?.next_due_at ? formatDateTime(rotation.next_due_at) : '—'}</dd>
              </div>
              <div>
                <dt>Processor</dt>
                <dd>
                  {processor?.alive ? 'Running' : 'Not running'}
                  {processor?.last_heartbeat_at ? ` · seen ${formatRelative(processor.last_heartbeat_at)}` : ''}
                </dd>
              </div>
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
          <dl className="facts">
            <div>
              <dt>Encrypted media</dt>
              <dd>{formatBytes(storage.data.assets_bytes)}</dd>
            </div>
            {storage.data.originals_bytes !== undefined && (
              <div>
                <dt>Kept originals</dt>
                <dd>{formatBytes(storage.data.originals_bytes)}</dd>
              </div>
            )}
            {storage.data.imports_bytes !== undefined && (
              <div>
                <dt>Waiting in imports</dt>
                <dd>{formatBytes(storage.data.imports_bytes)}</dd>
              </div>
            )}
            {storage.data.disk_free_bytes != null && (
              <div>
                <dt>Free disk space</dt>
                <dd>
                  {formatBytes(storage.data.disk_free_bytes)}
                  {storage.data.disk_total_bytes ? ` of ${formatBytes(storage.data.disk_total_bytes)}` : ''}
                </dd>
              </div>
            )}
            {storage.data.items && (
              <div>
                <dt>Items</dt>
                <dd>
                  {storage.data.items.images.toLocaleString()} photos, {storage.data.items.videos.toLocaleString()}{' '}
                  videos
                </dd>
              </div>
            )}
          </dl>
        )}
      </section>
    </div>
  );
}
