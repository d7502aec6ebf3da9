import { describe, expect, it } from 'vitest';
import { Supervisor, type ServiceSpec } from './Supervisor.js';

/** A node one-liner as a service: it prints, then does what `body` says. */
function nodeService(name: string, body: string, extra: Partial<ServiceSpec> = {}): ServiceSpec {
  return { name, command: process.execPath, args: ['-e', body], env: process.env, cwd: process.cwd(), ...extra };
}

/** Keeps running until SIGTERM, when it says goodbye and exits 0; "ready" once it listens for the signal. */
const patient = `
  process.on('SIGTERM', () => { console.log('bye'); process.exit(0); });
  setInterval(() => {}, 1000);
  console.log('ready');
`;

function recorder() {
  const lines: string[] = [];
  const notices: string[] = [];
  let waiters: (() => void)[] = [];
  const changed = () => {
    for (const wake of waiters) wake();
    waiters = [];
  };
  return {
    lines,
    notices,
    output: {
      line: (service: string, stream: 'stdout' | 'stderr', text: string) => {
        lines.push(`${service} ${stream}: ${text}`);
        changed();
      },
      notice: (text: string) => {
        notices.push(text);
        changed();
      },
    },
    /** Resolves once `line` has been printed. */
    async seen(line: string) {
      while (!lines.includes(line)) await new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}

describe('Supervisor', () => {
  it('labels each line with its service and keeps stderr apart', async () => {
    const out = recorder();
    const supervisor = new Supervisor(out.output);
    supervisor.start(nodeService('server', `console.log('listening'); console.error('warning: x'); ${patient}`));
    await out.seen('server stdout: ready');
    await out.seen('server stderr: warning: x');
    expect(out.lines.filter((line) => line.includes('stdout'))).toEqual([
      'server stdout: listening',
      'server stdout: ready',
    ]);
    await supervisor.stop();
    expect(await supervisor.finished).toBe(0);
  });

  it('stops the others when one ends by itself, says which and why, and finishes with status 1', async () => {
    const out = recorder();
    const supervisor = new Supervisor(out.output);
    supervisor.start(nodeService('server', patient));
    supervisor.start(nodeService('nginx', patient));
    await out.seen('server stdout: ready');
    await out.seen('nginx stdout: ready');
    supervisor.start(nodeService('processor', `console.error('cannot connect'); process.exit(3)`));
    expect(await supervisor.finished).toBe(1);
    expect(supervisor.failureReason).toBe('processor exited with code 3');
    expect(out.notices).toEqual(['processor exited with code 3; stopping the others']);
    // The others were asked to stop, and did so gracefully.
    expect(out.lines).toContain('server stdout: bye');
    expect(out.lines).toContain('nginx stdout: bye');
  });

  it('reports a command that cannot be started as the failure', async () => {
    const out = recorder();
    const supervisor = new Supervisor(out.output);
    supervisor.start({ ...nodeService('nginx', ''), command: '/nonexistent/nginx' });
    expect(await supervisor.finished).toBe(1);
    expect(supervisor.failureReason).toMatch(/^nginx could not be started \(\/nonexistent\/nginx: .*ENOENT/);
  });

  it('stops every service with its own signal and kills one that outstays its grace period', async () => {
    const out = recorder();
    const supervisor = new Supervisor(out.output);
    supervisor.start(
      nodeService(
        'nginx',
        `process.on('SIGQUIT', () => { console.log('quit'); process.exit(0); }); setInterval(() => {}, 1000); console.log('ready');`,
        { stopSignal: 'SIGQUIT' },
      ),
    );
    supervisor.start(
      nodeService(
        'stubborn',
        `process.on('SIGTERM', () => console.log('ignoring')); setInterval(() => {}, 1000); console.log('ready');`,
        {
          graceMs: 300,
        },
      ),
    );
    await out.seen('nginx stdout: ready');
    await out.seen('stubborn stdout: ready');
    await supervisor.stop();
    expect(await supervisor.finished).toBe(0);
    expect(out.lines).toContain('nginx stdout: quit');
    expect(out.lines).toContain('stubborn stdout: ignoring');
    expect(out.notices).toEqual(['stubborn did not stop within 0.3 s; killing it']);
  });
});
