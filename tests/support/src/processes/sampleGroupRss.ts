import fs from 'node:fs';
import { groupMembers } from './procStat.js';

function statusKilobytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '?';
  }
}

/**
 * Polls the RSS of the largest process in a group (the server's node; the npm and tsx wrappers
 * are small and idle) while a measurement runs. `stop()` gives the first sample (at rest), the
 * highest and the kernel's own high-water mark (VmHWM, since the process started), in bytes.
 */
export function sampleGroupRss(group: number, everyMs = 100) {
  let peak = 0;
  let pid = 0;
  const sample = () => {
    for (const member of groupMembers(group)) {
      const rss = statusKilobytes(member, 'VmRSS') * 1024;
      if (rss > peak) [peak, pid] = [rss, member];
    }
  };
  sample();
  const atRest = peak;
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return {
        atRestBytes: atRest,
        peakRssBytes: peak,
        highWaterMarkBytes: statusKilobytes(pid, 'VmHWM') * 1024,
        /** Which process that was, to show it is the server and not a wrapper. */
        command: commandLine(pid),
      };
    },
  };
}
