import { DUPLICATE_IN_TRASH_STAGE, DUPLICATE_STAGE } from '@keepsake/contracts';
import type { ProgressEvent } from '../api/types';
import { ProgressBar } from '../components/ProgressBar';

/** Files the processor is working on right now, with live progress from the server's events. */
export function ProcessingStrip({ jobs }: { jobs: ProgressEvent[] }) {
  if (jobs.length === 0) return null;
  return (
    <section className="processing-strip" aria-label="Being processed">
      <h2 className="strip-title">
        Processing {jobs.length} {jobs.length === 1 ? 'file' : 'files'}
      </h2>
      <ul>
        {jobs.map((job) => (
          <li key={job.jobId} className="processing-item" data-status={job.status}>
            <span className="processing-name" title={job.file}>
              {baseName(job.file)}
            </span>
            <ProgressBar percent={job.status === 'completed' ? 100 : job.percent} label={`Processing ${job.file}`} />
            <span className="processing-stage">
              {job.status === 'failed'
                ? `Failed${job.error ? `: ${job.error}` : ''}`
                : job.status === 'completed'
                  ? finishedLabel(job.stage)
                  : `${job.stage || 'waiting'} · ${Math.round(job.percent || 0)} %`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A finished job: made, or its content was an item already (in the library, or in the Trash to restore). */
function finishedLabel(stage: string): string {
  if (stage === DUPLICATE_STAGE) return 'Already in the library';
  if (stage === DUPLICATE_IN_TRASH_STAGE) return 'Already in Trash';
  return 'Done';
}

function baseName(path: string): string {
  return path.split('/').at(-1) ?? path;
}
