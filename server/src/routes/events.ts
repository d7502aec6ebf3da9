import type { ServerResponse } from 'node:http';
import type { App } from '../app/types.js';
import type { ProgressMessage } from '@keepsake/contracts';
import { ProgressRelay } from '../events/ProgressRelay.js';
import { sessionStands } from '../sessions/checkSession.js';

/** How often an open stream says it is alive (and checks the session still is). */
const keepAliveMs = 15_000;

function sse(raw: ServerResponse, event: string, data: unknown): void {
  raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/**
 * `GET /api/events`: Server-Sent Events relaying the processor's progress (`event: progress`)
 * and, when an item is ready, `event: media`. The stream ends when the session does.
 */
export async function eventRoutes(app: App): Promise<void> {
  const relay = new ProgressRelay(app.redis, app.log);
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const raw of open) raw.end();
  });
  app.addHook('onClose', () => relay.close());

  app.get(
    '/api/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Live processing progress as Server-Sent Events (event: progress, event: media)',
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const { sessionId } = request.auth!;
      const raw = reply.raw;
      const deliver = (message: ProgressMessage) => {
        sse(raw, 'progress', message);
        if (message.status === 'completed' && message.mediaId) sse(raw, 'media', { id: message.mediaId });
      };
      const stopListening = await relay.listen(deliver);

      reply.hijack();
      raw.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        // nginx must pass events on at once rather than buffer them.
        'x-accel-buffering': 'no',
      });
      raw.write(': connected\n\n');
      open.add(raw);

      const timer = setInterval(() => {
        sessionStands({ db: app.db, live: app.liveSessions }, sessionId).then(
          (live) => (live ? raw.write(': keep-alive\n\n') : raw.end()),
          () => raw.end(),
        );
      }, keepAliveMs);
      raw.on('close', () => {
        clearInterval(timer);
        stopListening();
        open.delete(raw);
      });
    },
  );
}
