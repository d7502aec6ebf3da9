import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchQueue, retryJob } from '../api/admin';
import type { QueueJob, QueueStatus } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { Loading } from '../components/Loading';
import { ProgressBar } from '../components/ProgressBar';
import { parseProgress, useServerEvents } from '../events/ServerEvents';
import { useProcessingProgress } from '../events/useProcessingProgress';
import { formatDateTime } from '../format/formatDate';

const filters: { value: QueueStatus | 'all'; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'processing', label: 'Processing' },
  { value: 'queued', label: 'Waiting' },
  { value: 'failed', label: 'Failed' },
  { value: 'completed', label: 'Done' },
];

/** The processing queue with live progress bars, and failed files with their error and a retry. */
export function QueuePage() {
  const [status, setStatus] = useState<QueueStatus | 'all'>('all');
  const queryClient = useQueryClient();
  const queue = useInfiniteQuery({
    queryKey: ['admin', 'queue', status],
    queryFn: ({ pageParam }) => fetchQueue(status, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    refetchInterval: 15_000,
  });
  const jobs = queue.data?.pages.flatMap((page) => page.jobs) ?? [];
  const counts = queue.data?.pages[0]?.counts ?? {};
  const live = useProcessingProgress();
  // A job changing state (started, done, failed) changes the lists: fetch them again.
  useServerEvents((event) => {
    const progress = parseProgress(event);
    if (progress && progress.status !== 'processing')
      void queryClient.invalidateQueries({ queryKey: ['admin', 'queue'] });
  });
  const retry = useMutation({
    mutationFn: (job: QueueJob) => retryJob(job.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'queue'] }),
  });

  return (
    <div>
      <div className="segmented" role="group" aria-label="Show jobs">
        {filters.map((filter) => (
          <button
            key={filter.value}
            type="button"
            aria-pressed={status === filter.value}
            onClick={() => setStatus(filter.value)}
          >
            {filter.label}
            {filter.value !== 'all' && counts[filter.value] ? ` (${counts[filter.value]})` : ''}
          </button>
        ))}
      </div>
      {retry.isError && <ErrorNotice error={retry.error} action="retry that file" />}
      {queue.isPending ? (
        <Loading label="Loading the queue" />
      ) : queue.isError ? (
        <ErrorNotice error={queue.error} action="load the queue" onRetry={() => void queue.refetch()} />
      ) : jobs.length === 0 ? (
        <p className="empty-state">Nothing here. Files dropped into the imports folder show up as they are queued.</p>
      ) : (
        <ul className="job-list">
          {jobs.map((job) => {
            const progress = live.get(String(job.id));
            const jobStatus = progress?.status ?? job.status;
            const percent = progress?.percent ?? job.progress;
            return (
              <li key={job.id} className="job" data-status={jobStatus}>
                <div className="job-head">
                  <span className="job-path" title={job.failed_path ?? job.path}>
                    {job.path}
                  </span>
                  <span className={`status-pill ${jobStatus}`}>{statusLabel(jobStatus)}</span>
                </div>
                {jobStatus === 'processing' && (
                  <div className="job-progress">
                    <ProgressBar percent={percent} label={`Progress of ${job.path}`} />
                    <span className="muted">
                      {progress?.stage ?? job.stage ?? 'starting'} · {Math.round(percent ?? 0)} %
                    </span>
                  </div>
                )}
                {jobStatus === 'failed' && (
                  <div className="job-failure">
                    <p className="job-error">
                      {job.error_code && <code>{job.error_code}</code>} {job.error ?? progress?.error ?? 'Failed'}
                    </p>
                    <button
                      type="button"
                      className="button"
                      disabled={retry.isPending && retry.variables?.id === job.id}
                      onClick={() => retry.mutate(job)}
                      aria-label={`Retry ${job.path}`}
                    >
                      Retry
                    </button>
                  </div>
                )}
                <p className="muted job-meta">
                  Queued {formatDateTime(job.queued_at)} · attempt {job.attempts} of {job.max_attempts}
                  {job.completed_at ? ` · finished ${formatDateTime(job.completed_at)}` : ''}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <LoadMoreButton pager={queue} label="Show older jobs" />
    </div>
  );
}

function statusLabel(status: QueueStatus): string {
  return { queued: 'Waiting', processing: 'Processing', completed: 'Done', failed: 'Failed' }[status];
}
