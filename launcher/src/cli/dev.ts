import path from 'node:path';
import { webDir } from '../build/webBuild.js';
import { devEnvironment, readDotEnv } from '../environment.js';
import { repoRoot } from '../repoRoot.js';
import { stopGraceMs } from '../stopGrace.js';
import { runStep } from '../supervise/runStep.js';
import { Supervisor } from '../supervise/Supervisor.js';
import { terminalOutput } from '../supervise/terminalOutput.js';
import { waitForHealth } from '../supervise/waitForHealth.js';
import { helpOrUsageError, runLauncher, stopOnSignals } from './runLauncher.js';

const help = `npm run dev — development with hot reload: server, processor and the gallery.

  npm run dev            run until Ctrl-C
  npm run dev -- --help  this text

First scripts/init and the database migrations (both do nothing when done). Then:
  server     tsx watch on server/src (restarts on every change), on HOST:PORT (127.0.0.1:3000)
  processor  tsx watch on processor/src, watching IMPORTS_DIR
  web        Vite's dev server on http://127.0.0.1:WEB_DEV_PORT (5173), hot module reload,
             /api proxied to the server (KEEPSAKE_API_URL)
No nginx: open the Vite address. Logs are readable (LOG_PRETTY=true, LOG_LEVEL=debug).
When one of them stops by itself, the others are stopped too; one Ctrl-C stops all.

Settings: the environment, then .env at the repository's root (see .env.example).
PostgreSQL and Redis are yours to run (DATABASE_URL, REDIS_URL).
`;

runLauncher(async () => {
  const early = helpOrUsageError(process.argv.slice(2), help);
  if (early !== null) return early;
  const env = devEnvironment(process.env, readDotEnv());
  let supervisor: Supervisor | null = null;
  stopOnSignals(() => supervisor);

  const output = terminalOutput(['init', 'migrate', 'server', 'processor', 'web']);
  const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
  const step = (name: string, command: string, args: string[]) =>
    runStep(name, command, args, { cwd: repoRoot, env, onLine: (stream, line) => output.line(name, stream, line) });
  await step('init', path.join(repoRoot, 'scripts/init'), []);
  await step('migrate', tsx, ['--conditions=source', 'database/src/cli/migrate.ts']);

  supervisor = new Supervisor(output);
  const watch = (name: string, entry: string, graceMs?: number) =>
    supervisor!.start({
      name,
      command: tsx,
      args: ['watch', '--conditions=source', entry],
      env,
      cwd: repoRoot,
      graceMs,
    });
  watch('server', 'server/src/main.ts', stopGraceMs.server);
  watch('processor', 'processor/src/main.ts', stopGraceMs.processor);
  supervisor.start({
    name: 'web',
    command: path.join(repoRoot, 'node_modules/.bin/vite'),
    args: ['--port', env.WEB_DEV_PORT!, '--strictPort'],
    env,
    cwd: webDir,
  });

  const running = supervisor;
  if (await waitForHealth(`${env.KEEPSAKE_API_URL}/api/health`, () => running.failureReason === null)) {
    output.notice(
      `running: http://127.0.0.1:${env.WEB_DEV_PORT} (API docs: ${env.KEEPSAKE_API_URL}/api/docs); Ctrl-C stops everything`,
    );
  }
  const status = await running.finished;
  output.notice(status === 0 ? 'stopped' : `stopped because ${running.failureReason}`);
  return status;
});
