/** "1 year ago", "6 years ago": how a memory is headed. */
export function yearsAgo(years: number): string {
  return years === 1 ? '1 year ago' : `${years} years ago`;
}
