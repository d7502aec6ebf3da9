import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import type { App } from '../app/types.js';
import { ApiError } from '../errors/ApiError.js';
import { requestPath } from '../errors/requestPath.js';

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Keepsake</title></head>
<body style="font-family: system-ui, sans-serif; margin: 3rem">
<h1>Keepsake</h1>
<p>The gallery is not built yet: run <code>npm run build</code>, then restart the server.</p>
<p>The API is up: <a href="/api/docs">/api/docs</a>.</p>
</body></html>
`;

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * The built gallery (WEB_DIST_DIR) for everything outside /api/, with the single-page-app
 * fallback to index.html. Missing build: a page saying how to build it, never a crash.
 */
export async function webAppPlugin(app: App): Promise<void> {
  const dist = app.config.webDistDir;

  async function serveIndex(reply: FastifyReply) {
    if (!(await isFile(path.join(dist, 'index.html')))) {
      return reply.code(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(notBuiltPage);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', dist, { cacheControl: false });
  }

  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const pathname = requestPath(request.url);
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      throw new ApiError('SYSTEM_004', `No route ${request.method} ${pathname}`);
    }
    let relative: string;
    try {
      relative = decodeURIComponent(pathname).replace(/^\/+/, '');
    } catch {
      return serveIndex(reply);
    }
    const file = path.resolve(dist, relative);
    if (relative !== '' && file.startsWith(dist + path.sep) && (await isFile(file))) {
      // Vite puts content-hashed files under assets/: they never change, so browsers may keep them.
      if (relative.startsWith('assets/')) {
        return reply.sendFile(relative, dist, { maxAge: 365 * 24 * 3600_000, immutable: true });
      }
      return reply.header('cache-control', 'no-cache').sendFile(relative, dist, { cacheControl: false });
    }
    return serveIndex(reply);
  });
}
