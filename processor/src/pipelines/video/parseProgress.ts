/**
 * Reads ffmpeg's `-progress pipe:1` stream (key=value lines, a block per report) and calls
 * back with the share of the source done, 0..1.
 */
export function createProgressParser(durationSeconds: number, onProgress: (share: number) => void) {
  let pending = '';
  return (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const [key, value] = line.trim().split('=');
      if (key === 'out_time_us' || key === 'out_time_ms') {
        // Despite its name, out_time_ms is in microseconds too.
        const seconds = Number(value) / 1e6;
        if (Number.isFinite(seconds) && seconds >= 0 && durationSeconds > 0) {
          onProgress(Math.min(1, seconds / durationSeconds));
        }
      } else if (key === 'progress' && value === 'end') {
        onProgress(1);
      }
    }
  };
}
