/**
 * The baselines: a bare Fastify with @fastify/static over the same folder, and a bare route
 * answering 16 bytes (what the machine and the load generator allow, before any of Keepsake's work).
 */
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';

const app = Fastify({ logger: false });
await app.register(fastifyStatic, { root: process.env.ASSETS_DIR!, prefix: '/static/' });
const sixteenBytes = Buffer.alloc(16);
app.get('/bare-key', async (_request, reply) =>
  reply.header('content-type', 'application/octet-stream').header('cache-control', 'no-store').send(sixteenBytes),
);
await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ port: (app.server.address() as { port: number }).port })}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
