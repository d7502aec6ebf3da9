import { probeInputArgs } from '../ffmpeg/inputArgs.js';
import { runTool } from '../ffmpeg/runTool.js';

/**
 * The length of a video whose header does not say (browsers' MediaRecorder, screen recorders and
 * some messenger exports write WebM without one): the end of its last packet, found by ffprobe
 * demuxing the whole file without decoding it. That is seconds even for hours of footage, and
 * the job's own time limit (its signal) bounds it like every other tool run. A file with no
 * packets measures 0, which the caller refuses as empty or cut short.
 */
export async function measureDuration(file: string, signal?: AbortSignal): Promise<number> {
  const end = latestPacketEnd();
  await runTool({
    command: 'ffprobe',
    args: ['-v', 'error', '-show_entries', 'packet=pts_time,duration_time', '-of', 'csv=p=0', ...probeInputArgs(file)],
    signal,
    // Streamed, never collected: a long recording lists hundreds of thousands of packets.
    onStdout: end.read,
  });
  return end.value();
}

/** Keeps the largest pts + duration of ffprobe's "pts_time,duration_time" lines, across chunks. */
export function latestPacketEnd(): { read(chunk: string): void; value(): number } {
  let partial = '';
  let latest = 0;
  const take = (line: string) => {
    const [pts, duration] = line.split(',').map(Number);
    if (!Number.isFinite(pts)) return;
    latest = Math.max(latest, pts! + (Number.isFinite(duration) ? duration! : 0));
  };
  return {
    read(chunk) {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      lines.forEach(take);
    },
    value() {
      take(partial);
      partial = '';
      return latest;
    },
  };
}
