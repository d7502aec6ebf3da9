import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface TempFolder {
  dir: string;
  dispose(): Promise<void>;
}

export interface PrivateTemp {
  /** This processor's own folder (0700) under the private root. */
  readonly dir: string;
  /** A fresh folder for one run's plaintext (a decoded HEIC, an HLS key); dispose removes it. */
  make(prefix: string): Promise<TempFolder>;
  /** Removes this processor's folder and everything in it. */
  close(): Promise<void>;
}

/** Folders opened by this process: another processor in it is alive even with our pid. */
const openHere = new Set<string>();

/** Per user, so two accounts on one machine never share (or fight over) the folder. */
export function privateTempRoot(): string {
  return path.join(os.tmpdir(), `keepsake-processor-${process.getuid?.() ?? 'user'}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The root must be a real folder of ours that nobody else can enter: in a shared /tmp another
 * user could have made it first, as a symlink or open to all, to read what we put there.
 */
async function ensurePrivateRoot(root: string): Promise<void> {
  await fs.mkdir(root, { recursive: true, mode: 0o700 });
  const stats = await fs.lstat(root);
  const uid = process.getuid?.();
  if (!stats.isDirectory() || (uid !== undefined && stats.uid !== uid)) {
    throw new Error(`${root} is not a folder of this user; remove it so the processor can make its own`);
  }
  if ((stats.mode & 0o077) !== 0) await fs.chmod(root, 0o700);
}

/** Whether a folder under the root belongs to a processor still running (named `<pid>-…`). */
function isLive(root: string, name: string): boolean {
  const pid = Number(/^(\d+)-/.exec(name)?.[1]);
  if (!pid) return false;
  if (pid === process.pid) return openHere.has(path.join(root, name));
  return isAlive(pid);
}

/**
 * Opens the processor's private temporary folder, first wiping what processors that are no
 * longer running left there: a crash mid-job may have left a decoded photo or an HLS key.
 * Returns the names it wiped, for the log.
 */
export async function openPrivateTemp(root = privateTempRoot()): Promise<PrivateTemp & { wiped: string[] }> {
  await ensurePrivateRoot(root);
  const wiped: string[] = [];
  for (const name of await fs.readdir(root)) {
    if (isLive(root, name)) continue;
    await fs.rm(path.join(root, name), { recursive: true, force: true });
    wiped.push(name);
  }
  const dir = await fs.mkdtemp(path.join(root, `${process.pid}-`));
  openHere.add(dir);
  return {
    dir,
    wiped,
    async make(prefix) {
      const folder = await fs.mkdtemp(path.join(dir, `${prefix}-`));
      return { dir: folder, dispose: () => fs.rm(folder, { recursive: true, force: true }) };
    },
    async close() {
      await fs.rm(dir, { recursive: true, force: true });
      openHere.delete(dir);
    },
  };
}
