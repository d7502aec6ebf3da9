import { styleText } from 'node:util';

const colors = ['cyan', 'magenta', 'yellow', 'green', 'blue'] as const;

/** Whether to colour labels: a terminal that has not asked for no colour. */
export function wantsColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR;
}

/**
 * Labels for the lines of several processes interleaved on one terminal: `server    | …`, the
 * names padded to one width, each in its own colour on a terminal.
 */
export function lineLabels(names: readonly string[], color: boolean): (name: string) => string {
  const width = Math.max(...names.map((name) => name.length));
  return (name) => {
    const label = `${name.padEnd(width)} |`;
    const index = Math.max(0, names.indexOf(name));
    return color ? styleText(colors[index % colors.length]!, label) : label;
  };
}
