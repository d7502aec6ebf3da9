import { lineLabels, wantsColor } from './lineLabels.js';
import type { SupervisorOutput } from './Supervisor.js';

/**
 * The supervised set on the terminal: every line labelled with its service, stderr lines on
 * stderr; the launcher's own messages as `keepsake: …`.
 */
export function terminalOutput(names: readonly string[]): SupervisorOutput & { label: (name: string) => string } {
  const label = lineLabels(names, wantsColor());
  return {
    label,
    line: (service, stream, text) => {
      (stream === 'stderr' ? process.stderr : process.stdout).write(`${label(service)} ${text}\n`);
    },
    notice: (text) => process.stderr.write(`keepsake: ${text}\n`),
  };
}
