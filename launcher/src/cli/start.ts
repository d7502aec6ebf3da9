import path from 'node:path';
import { buildWhatIsMissing } from '../build/buildWorkspaces.js';
import { readDotEnv, runDir, startEnvironment } from '../environment.js';
import { nginxCommand, renderNginx } from '../nginx/renderNginx.js';
import { repoRoot } from '../repoRoot.js';
import { stopGraceMs } from '../stopGrace.js';
import { runStep } from '../supervise/runStep.js';
import { Supervisor } from '../supervise/Supervisor.js';
import { terminalOutput } from '../supervise/terminalOutput.js';
import { waitForHealth } from '../supervise/waitForHealth.js';
import { helpOrUsageError, runLauncher, stopOnSignals } from './runLauncher.js';

const help = `npm start — Keepsake without Docker: nginx, the server and the processor as one set.

  npm start            prepare, then run until Ctrl-C (or SIGTERM)
  npm start -- --help  this text

First (each step does nothing when there is nothing to do): scripts/init (secrets, local CA,
TLS certificate in PRIVATE_DIR), tsc -b and the gallery's build when missing or stale, then
database migrations. Then it runs, their lines labelled:
  nginx      https on NGINX_LISTEN (1027): TLS, the allowlist, the gallery, /api/ to the
             server, segments from ASSETS_DIR (X-Accel-Redirect); rendered by nginx/render
             into .run/nginx (KEEPSAKE_RUN_DIR), access log in .run/nginx/logs/access.log
  server     the API on HOST:PORT (127.0.0.1:3000), ACCEL_REDIRECT=true, trusting nginx on
             loopback (TRUSTED_PROXIES)
  processor  watches IMPORTS_DIR
When one of them stops by itself, the others are stopped too and the exit status is 1.
Ctrl-C stops all gracefully (the processor lets running files finish for up to 20 s);
a second Ctrl-C kills at once.

Settings: the environment, then .env at the repository's root (see .env.example; nginx/render
--help for the NGINX_* ones; NGINX_BIN if nginx is not on PATH, /usr/sbin or Homebrew's bin).
PostgreSQL and Redis are yours to run (DATABASE_URL, REDIS_URL).
`;

runLauncher(async () => {
  const early = helpOrUsageError(process.argv.slice(2), help);
  if (early !== null) return early;
  const env = startEnvironment(process.env, readDotEnv());
  let supervisor: Supervisor | null = null;
  stopOnSignals(() => supervisor);

  const names = ['init', 'build', 'migrate', 'nginx', 'server', 'processor'];
  const output = terminalOutput(names);
  const step = (name: string, command: string, args: string[]) =>
    runStep(name, command, args, {
      cwd: repoRoot,
      env,
      onLine: (stream, line) => output.line(name, stream, line),
    });

  await step('init', path.join(repoRoot, 'scripts/init'), []);
  await buildWhatIsMissing((stream, line) => output.line('build', stream, line));
  await step('migrate', process.execPath, [path.join(repoRoot, 'database/dist/cli/migrate.js')]);
  const nginx = await renderNginx(path.join(runDir(env), 'nginx'), {
    ...env,
    // nginx's own errors belong with the others' lines; the access log stays a file.
    NGINX_ERROR_LOG: env.NGINX_ERROR_LOG || 'stderr',
  });

  supervisor = new Supervisor(output);
  const node = (name: string, entry: string, graceMs?: number) =>
    supervisor!.start({
      name,
      command: process.execPath,
      args: [path.join(repoRoot, entry)],
      env,
      cwd: repoRoot,
      graceMs,
    });
  node('server', 'server/dist/main.js', stopGraceMs.server);
  node('processor', 'processor/dist/main.js', stopGraceMs.processor);
  // SIGQUIT: nginx finishes the requests it is serving, then exits.
  supervisor.start({ name: 'nginx', ...nginxCommand(nginx, env), env, cwd: repoRoot, stopSignal: 'SIGQUIT' });

  const running = supervisor;
  const health = `http://${env.NGINX_UPSTREAM}/api/health`;
  if (await waitForHealth(health, () => running.failureReason === null)) {
    const where = (env.PUBLIC_BASE_URL || `https://localhost:${env.NGINX_LISTEN}`).replace(/\/$/, '');
    output.notice(`running: ${where} (access log ${nginx.accessLog}); Ctrl-C stops everything`);
  }
  const status = await running.finished;
  output.notice(status === 0 ? 'stopped' : `stopped because ${running.failureReason}`);
  return status;
});
