import fs from 'node:fs';

interface ProcStat {
  pid: number;
  parent: number;
  group: number;
}

/** Every process's pid, parent and process group, from /proc/<pid>/stat (Linux). */
function allProcesses(): ProcStat[] {
  const processes: ProcStat[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The name (field 2) may hold spaces: the fields after its ')' are state, ppid, pgrp, ….
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [, parent, group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      processes.push({ pid: Number(entry), parent: Number(parent), group: Number(group) });
    } catch {
      // gone meanwhile
    }
  }
  return processes;
}

/** Pids of the processes in process group `group`. */
export const groupMembers = (group: number): number[] =>
  allProcesses()
    .filter((p) => p.group === group)
    .map((p) => p.pid);

/** Pids of the direct children of `pid` (nginx's workers, for its master). */
export const childrenOf = (pid: number): number[] =>
  allProcesses()
    .filter((p) => p.parent === pid)
    .map((p) => p.pid);
