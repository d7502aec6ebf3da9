import { type Db, type MediaFile, mediaIngest } from '@keepsake/database';

export type Reservation =
  /** This job makes the item (new, or a previous attempt failed or crashed). */
  | { kind: 'process'; media: MediaFile }
  /** The same content is already in the gallery, or in its trash (`media.status`: restore it from there). */
  | { kind: 'duplicate'; media: MediaFile }
  /** Another job is making it right now (the same file dropped twice at once). */
  | { kind: 'busy'; media: MediaFile };

/** Decides, one worker at a time per content hash, who makes the item for this content. */
export async function reserveMedia(
  db: Db,
  request: { contentHash: string; originalName: string; size: number; jobId: number; uploadedBy: string | null },
): Promise<Reservation> {
  await mediaIngest.insertPendingMedia(db, request);
  return db.transaction().execute(async (trx) => {
    const media = await mediaIngest.lockMediaByHash(trx, request.contentHash);
    if (!media) throw new Error(`media for ${request.contentHash} vanished`);
    // A trashed item is not made again: its row would be reprocessed under it. Restoring brings it back.
    if (media.status === 'completed' || media.status === 'trashed') return { kind: 'duplicate', media };
    if (await mediaIngest.findOtherActiveJob(trx, { mediaId: media.id, jobId: request.jobId }))
      return { kind: 'busy', media };
    await mediaIngest.startMediaProcessing(trx, {
      mediaId: media.id,
      jobId: request.jobId,
      originalName: request.originalName,
      uploadedBy: request.uploadedBy,
    });
    return { kind: 'process', media };
  });
}
