import fs from 'node:fs';

const TICKS_PER_SECOND = 100;

/**
 * CPU seconds used so far by this process and every child it has reaped (ffmpeg, heif-convert).
 * On a shared machine wall time swings with other people's work; CPU time measures ours.
 */
export function cpuSeconds(): number {
  const own = process.cpuUsage();
  // /proc/self/stat: after "(comm)", fields 14–17 are utime, stime, cutime, cstime in clock ticks.
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  const children = (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
  return (own.user + own.system) / 1e6 + children;
}
