/**
 * Whether the name is an IANA zone (or alias, as browsers report some) of the tz database,
 * the same one PostgreSQL ships: checked here so an unknown name is a 400 rather than
 * PostgreSQL's "time zone not recognized". Offsets such as "+05:00" are refused: PostgreSQL
 * reads their sign the POSIX way round.
 */
export function isKnownTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
