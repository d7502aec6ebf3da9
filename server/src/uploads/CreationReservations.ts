import { oneAtATime } from './oneAtATime.js';

/**
 * Upload creations of this process while they are made: each one's disk check runs alone, and
 * the size it let through is held until its creation settles — by then tus has written the
 * upload's files, which count for it (promisedUploadBytes). So two creations at once cannot
 * both pass on the same free space, and no lock is held while a creation's body streams in.
 */
export class CreationReservations {
  private readonly serial = oneAtATime();
  private readonly held = new Map<symbol, number>();

  /** Bytes let through and not yet created: counted by the next check. */
  heldBytes(): number {
    let total = 0;
    for (const bytes of this.held.values()) total += bytes;
    return total;
  }

  /** `check` (resolving to the size it accepted, or refusing) one at a time, then `create` with that size held. */
  async run<T>(check: () => Promise<number>, create: () => Promise<T>): Promise<T> {
    const key = Symbol('creation');
    await this.serial(async () => {
      this.held.set(key, await check());
    });
    try {
      return await create();
    } finally {
      this.held.delete(key);
    }
  }
}
