import type { FastifyBaseLogger } from 'fastify';
import { PROGRESS_CHANNEL, type ProgressMessage } from '@keepsake/contracts';
import { channelName, type Redis } from '@keepsake/platform';

type Listener = (message: ProgressMessage) => void;

/**
 * One Redis subscription per process, fanned out to every open event stream; made on the
 * first listener, so a server nobody watches holds no extra connection.
 */
export class ProgressRelay {
  private readonly listeners = new Set<Listener>();
  private subscriber: Promise<Redis> | undefined;
  private readonly channel: string;

  constructor(
    private readonly redis: Redis,
    private readonly log: FastifyBaseLogger,
  ) {
    this.channel = channelName(redis.options.keyPrefix ?? '', PROGRESS_CHANNEL);
  }

  /** Starts delivering messages to the listener; resolves once the subscription is in place. */
  async listen(listener: Listener): Promise<() => void> {
    this.listeners.add(listener);
    try {
      await (this.subscriber ??= this.subscribe());
    } catch (error) {
      this.listeners.delete(listener);
      this.subscriber = undefined;
      throw error;
    }
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    const subscriber = await this.subscriber?.catch(() => undefined);
    subscriber?.disconnect();
  }

  private async subscribe(): Promise<Redis> {
    // A subscribed connection can do nothing else, hence a connection of its own.
    const subscriber = this.redis.duplicate();
    subscriber.on('error', (error: Error) => this.log.warn({ err: error }, 'progress subscription'));
    subscriber.on('message', (_channel: string, text: string) => this.deliver(text));
    await subscriber.subscribe(this.channel);
    return subscriber;
  }

  private deliver(text: string): void {
    let message: ProgressMessage;
    try {
      message = JSON.parse(text) as ProgressMessage;
    } catch {
      this.log.warn('progress message that is not JSON, ignored');
      return;
    }
    for (const listener of this.listeners) listener(message);
  }
}
