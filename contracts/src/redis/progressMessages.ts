/**
 * Live progress: each processor publishes one JSON message per step on this channel (with the
 * install's REDIS_PREFIX in front: channelName()), the server relays it to the gallery as the
 * server-sent event `progress`, and the gallery shows it.
 */
export const PROGRESS_CHANNEL = 'processing:progress';

/**
 * The stage a completed job ends on when its content was an item already: in the library
 * (`mediaId` is the item, open it), or in the Trash (`mediaId` is the trashed item, restore it).
 */
export const DUPLICATE_STAGE = 'duplicate';
export const DUPLICATE_IN_TRASH_STAGE = 'duplicate_in_trash';

export type ProgressStatus = 'queued' | 'processing' | 'completed' | 'failed';

export interface ProgressMessage {
  jobId: number;
  /** Known once the job has an item (null while it is only queued or was a duplicate). */
  mediaId: string | null;
  file: string;
  stage: string;
  percent: number;
  status: ProgressStatus;
  error?: string;
}
