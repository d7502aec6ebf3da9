import { setTimeout as sleep } from 'node:timers/promises';
import { containerLogTail, docker } from './compose.js';

export interface ServiceState {
  service: string;
  container: string;
  /** created, running, restarting, exited, … */
  status: string;
  exitCode: number;
  restarts: number;
  /** When it last started (ms since the epoch). */
  startedAt: number;
  /** starting, healthy or unhealthy; undefined without a healthcheck. */
  health?: string;
  /** The last healthcheck's output, when it failed. */
  lastCheck?: string;
}

interface Inspected {
  Name: string;
  RestartCount: number;
  Config: { Labels: Record<string, string> };
  State: {
    Status: string;
    StartedAt: string;
    ExitCode: number;
    Health?: { Status: string; Log?: { ExitCode: number; Output: string }[] };
  };
}

/** Every container of the compose project, one-shot ones (init, migrate) included. */
export async function serviceStates(dockerHost: string, project: string): Promise<ServiceState[]> {
  const ids = (await docker(dockerHost, ['ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`]))
    .split('\n')
    .filter(Boolean);
  if (ids.length === 0) return [];
  const inspected = JSON.parse(await docker(dockerHost, ['inspect', ...ids])) as Inspected[];
  return inspected
    .map((c) => {
      const checks = c.State.Health?.Log ?? [];
      const last = checks.at(-1);
      return {
        service: c.Config.Labels['com.docker.compose.service'] ?? c.Name,
        container: c.Name.replace(/^\//, ''),
        status: c.State.Status,
        exitCode: c.State.ExitCode,
        restarts: c.RestartCount,
        startedAt: Date.parse(c.State.StartedAt),
        health: c.State.Health?.Status,
        lastCheck: last && last.ExitCode !== 0 ? last.Output.trim() : undefined,
      };
    })
    .sort((a, b) => a.service.localeCompare(b.service));
}

function describe(state: ServiceState): string {
  const health = state.health ? `, ${state.health}` : '';
  const exit = state.status === 'exited' ? ` (exit ${state.exitCode})` : '';
  const restarts = state.restarts ? `, restarted ${state.restarts}×` : '';
  return `${state.service}: ${state.status}${exit}${health}${restarts}`;
}

/**
 * What a person debugging would look at first: each service's state, and for each one that is
 * not fine (or all, with `everyLog`) its failed healthcheck and the last lines of its log.
 */
export async function serviceReport(dockerHost: string, project: string, everyLog = false): Promise<string> {
  const states = await serviceStates(dockerHost, project).catch((error: Error) => {
    throw new Error(`cannot list the containers of ${project}: ${error.message}`);
  });
  if (states.length === 0) return `no containers of compose project ${project}`;
  const lines = ['services:', ...states.map((s) => `  ${describe(s)}`)];
  for (const state of states) {
    if (!everyLog && isFine(state)) continue;
    lines.push('', `--- ${state.service} (${describe(state)}) ---`);
    if (state.lastCheck) lines.push(`last healthcheck: ${state.lastCheck}`);
    const log = await containerLogTail(dockerHost, state.container, 30);
    lines.push(`last log lines:`, log.trimEnd() || '(nothing)');
  }
  return lines.join('\n');
}

const oneShot = (state: ServiceState) => state.service === 'init' || state.service === 'migrate';

function isFine(state: ServiceState): boolean {
  if (oneShot(state)) return state.status === 'exited' && state.exitCode === 0;
  return state.status === 'running' && (state.health === undefined || state.health === 'healthy');
}

/**
 * Waits until every expected service is healthy (or, for init and migrate, has exited 0);
 * fails at once, naming the service, when one has failed (exited, unhealthy), or after
 * `timeoutMs` with the report. Resolves with the milliseconds it took.
 */
export async function waitForHealthy(
  dockerHost: string,
  project: string,
  expected: string[],
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (signal?.aborted) throw new Error('stopped waiting');
    // A container stopped before this `up` (the restore's) counts only once started again.
    const states = (await serviceStates(dockerHost, project)).filter(
      (s) => s.status !== 'exited' || s.startedAt >= started - 1_000 || (oneShot(s) && s.exitCode === 0),
    );
    // A service that keeps restarting (its command dies) never gets healthy: say so at once.
    const failed = states.filter(
      (s) =>
        expected.includes(s.service) &&
        (s.health === 'unhealthy' || s.restarts >= 2 || (s.status === 'exited' && (!oneShot(s) || s.exitCode !== 0))),
    );
    if (failed.length > 0) {
      throw new Error(
        `${failed.map((s) => s.service).join(', ')} failed:\n${await serviceReport(dockerHost, project)}`,
      );
    }
    const waiting = expected.filter((service) => !states.some((s) => s.service === service && isFine(s)));
    if (waiting.length === 0) return Date.now() - started;
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `not healthy within ${timeoutMs / 1000} s: ${waiting.join(', ')}\n${await serviceReport(dockerHost, project)}`,
      );
    }
    await sleep(1_000);
  }
}
