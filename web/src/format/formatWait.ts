/** "45 seconds", "1 minute 30 seconds", "15 minutes": a wait, for a sentence. */
export function formatWait(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes === 0) return plural(rest, 'second');
  if (rest === 0) return plural(minutes, 'minute');
  return `${plural(minutes, 'minute')} ${plural(rest, 'second')}`;
}
