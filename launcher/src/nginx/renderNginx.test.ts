import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../repoRoot.js';
import { findNginx, nginxCommand, renderNginx } from './renderNginx.js';
import { UPLOAD_CHUNK_BYTES } from '@keepsake/platform';

const run = promisify(execFile);
const policy = "default-src 'self'; style-src 'self'";

describe('nginx/render', () => {
  let root: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'keepsake-render-'));
    const web = path.join(root, 'web');
    fs.mkdirSync(web);
    // As Vite writes it: the quotes inside the attribute as entities.
    fs.writeFileSync(
      path.join(web, 'index.html'),
      `<!doctype html><head><meta http-equiv="Content-Security-Policy" content="${policy.replaceAll("'", '&#39;')}">`,
    );
    env = {
      ...process.env,
      PRIVATE_DIR: path.join(root, 'private'),
      ASSETS_DIR: path.join(root, 'assets'),
      WEB_DIST_DIR: web,
    };
    await run(path.join(repoRoot, 'scripts/init'), [], { env });
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('renders a configuration nginx accepts, with the gallery’s policy as the header', async () => {
    const rendered = await renderNginx(path.join(root, 'on'), env);
    const { args } = nginxCommand(rendered);
    await run(findNginx(), [...args.filter((arg) => arg !== '-g' && arg !== 'daemon off;'), '-t']);
    const headers = fs.readFileSync(path.join(rendered.dir, 'security_headers.conf'), 'utf8');
    expect(headers).toContain(`add_header Content-Security-Policy "${policy}; frame-ancestors 'none'" always;`);
    expect(fs.readFileSync(path.join(rendered.dir, 'allowed_networks.conf'), 'utf8')).toMatch(
      /^127\.0\.0\.1\/32 1;\n::1\/128 1;\n192\.168\.1\.0\/24 1;\n10\.8\.0\.0\/24 1;\n$/m,
    );
    expect(fs.readFileSync(path.join(rendered.dir, 'allowlist.conf'), 'utf8')).toBe(
      'if ($keepsake_allowed != 1) { return 403; }\n',
    );
  });

  it('streams uploads to the server in chunks the web sends, patient with slow links', async () => {
    const rendered = await renderNginx(path.join(root, 'uploads'), env);
    const conf = fs.readFileSync(path.join(rendered.dir, 'nginx.conf'), 'utf8');
    const location = /location \/api\/uploads \{([^}]*)\}/.exec(conf)?.[1] ?? '';
    expect(location).toContain('allowlist.conf;');
    expect(location).toContain('proxy_request_buffering off;');
    // Forwarded to the server in large pieces, not the default 16 KiB (bench/upload).
    expect(location).toContain('client_body_buffer_size 1m;');
    const maxBody = Number(/client_max_body_size (\d+)m;/.exec(location)?.[1]) * 1024 * 1024;
    expect(maxBody).toBeGreaterThan(UPLOAD_CHUNK_BYTES);
    expect(Number(/client_body_timeout (\d+)s;/.exec(location)?.[1])).toBeGreaterThanOrEqual(120);
    expect(Number(/proxy_read_timeout (\d+)s;/.exec(location)?.[1])).toBeGreaterThanOrEqual(300);
  });

  it('leaves the allowlist to the server with NGINX_ALLOWLIST=false', async () => {
    const rendered = await renderNginx(path.join(root, 'off'), { ...env, NGINX_ALLOWLIST: 'false' });
    expect(fs.readFileSync(path.join(rendered.dir, 'allowlist.conf'), 'utf8')).not.toMatch(/^[^#]/m);
  });

  it.each([
    [{ ALLOWED_NETWORKS: '10.8.0.0/24,everyone' }, /ALLOWED_NETWORKS: "everyone" is not an address or CIDR range/],
    [{ ALLOWED_NETWORKS: '' }, /ALLOWED_NETWORKS: is empty/],
    [{ NGINX_ALLOWLIST: 'yes' }, /NGINX_ALLOWLIST must be true or false/],
    [{ WEB_DIST_DIR: '/nonexistent' }, /index\.html is missing: build the gallery first/],
  ])('refuses %o with a clear message', async (bad, message) => {
    await expect(renderNginx(path.join(root, 'bad'), { ...env, ...bad })).rejects.toThrow(message);
  });
});
