import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '@keepsake/database';
import type { Redis, ServerConfig } from '@keepsake/platform';
import type { AppDeps } from '../app/AppDeps.js';
import type { SealedDeps } from '../media/sendSealed.js';
import type { KeyStore } from '@keepsake/vault';

declare module 'fastify' {
  interface FastifyInstance {
    config: ServerConfig;
    db: Db;
    redis: Redis;
    keyStore: KeyStore;
    /** What opening sealed files needs (media/sendSealed). */
    sealedFiles: SealedDeps;
  }
}

/**
 * Config, database, Redis and key store for every route. The caller opened them and
 * closes them (main.ts after the app has drained, tests in afterAll), so the app never
 * closes what it did not open.
 */
export const dependenciesPlugin = fp(
  async (app: FastifyInstance, deps: Omit<AppDeps, 'logger'>) => {
    app.decorate('config', deps.config);
    app.decorate('db', deps.db);
    app.decorate('redis', deps.redis);
    app.decorate('keyStore', deps.keyStore);
    app.decorate('sealedFiles', { assetsDir: deps.config.assetsDir, keyStore: deps.keyStore });
  },
  { name: 'dependencies' },
);
