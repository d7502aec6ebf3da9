import { randomUUID } from 'node:crypto';
import type { Redis } from '@keepsake/platform';

/** Long enough to click the link the answer gives; the zip itself may then take as long as it needs. */
const lifetimeSeconds = 600;

/**
 * The items a user asked to download as one zip, kept in Redis for a few minutes under a random
 * id: a browser download needs a plain GET it can navigate to, and 500 ids do not fit in a URL.
 */
export class DownloadRequests {
  constructor(private readonly redis: Redis) {}

  async create(ids: readonly string[]): Promise<string> {
    const id = randomUUID();
    await this.redis.set(`download:${id}`, JSON.stringify(ids), 'EX', lifetimeSeconds);
    return id;
  }

  /** The ids asked for, or null once the request has expired. */
  async find(id: string): Promise<string[] | null> {
    const stored = await this.redis.get(`download:${id}`);
    return stored === null ? null : (JSON.parse(stored) as string[]);
  }
}
