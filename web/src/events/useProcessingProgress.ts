import { useState } from 'react';
import type { ProgressEvent } from '../api/types';
import { parseProgress, useServerEvents } from './ServerEvents';

/**
 * The latest progress of every job we have heard about since mounting, by job id.
 * Finished jobs linger briefly so a bar reaches 100 % before it goes.
 */
export function useProcessingProgress(lingerMs = 3_000): Map<string, ProgressEvent> {
  const [jobs, setJobs] = useState(() => new Map<string, ProgressEvent>());
  useServerEvents((event) => {
    const progress = parseProgress(event);
    if (!progress) return;
    setJobs((previous) => new Map(previous).set(progress.jobId, progress));
    if (progress.status === 'completed') {
      setTimeout(() => {
        setJobs((previous) => {
          if (previous.get(progress.jobId)?.status !== 'completed') return previous;
          const next = new Map(previous);
          next.delete(progress.jobId);
          return next;
        });
      }, lingerMs);
    }
  });
  return jobs;
}
