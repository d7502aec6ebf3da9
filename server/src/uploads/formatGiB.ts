/** 21474836480 → "20 GiB", for messages about limits. */
export function formatGiB(bytes: number): string {
  const gib = bytes / 1024 ** 3;
  return gib >= 1 ? `${Number(gib.toFixed(1))} GiB` : `${Math.ceil(bytes / 1024 ** 2)} MiB`;
}
