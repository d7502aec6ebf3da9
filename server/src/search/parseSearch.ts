/**
 * The gallery search box, read the way people type it: words that must all appear (in a name,
 * caption or camera), and dates — `2024`, `June 2023`, `jun 2023`, `2023-06`, `2023-06-01`,
 * `2024-06-01..2024-06-30`, `last summer`. Dates are UTC, ranges inclusive (a day or month means
 * all of it), and returned half-open ([from, before)) because that is how SQL compares them.
 * Anything that is not a valid date (`2023-02-30`, `1066`) is an ordinary word. Several dates
 * widen to one span, so `2022 2023` means both years.
 */
export interface DateRange {
  from: Date;
  /** Exclusive: the first instant after the range. */
  before: Date;
}

export interface ParsedSearch {
  words: string[];
  dateRange?: DateRange;
}

/** Years outside this are more likely numbers in a file name than dates. */
const firstYear = 1900;
const lastYear = 2099;
/** Enough for any real query; keeps a pasted essay from becoming hundreds of LIKE clauses. */
export const maxSearchWords = 12;

const months = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function monthIndex(text: string): number | null {
  const word = text.toLowerCase();
  if (word === 'sept') return 8;
  const index = months.findIndex((month) => month === word || (word.length === 3 && month.startsWith(word)));
  return index === -1 ? null : index;
}

function utc(year: number, month: number, day = 1): Date {
  return new Date(Date.UTC(year, month, day));
}

function year(text: string): number | null {
  if (!/^\d{4}$/.test(text)) return null;
  const value = Number(text);
  return value >= firstYear && value <= lastYear ? value : null;
}

/** One date as typed: a year, a month (`2023-06`) or a day (`2023-06-01`), as the span it covers. */
function isoSpan(text: string): DateRange | null {
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text);
  if (!match) return null;
  const y = year(match[1]!);
  if (y === null) return null;
  if (match[2] === undefined) return { from: utc(y, 0), before: utc(y + 1, 0) };
  const m = Number(match[2]) - 1;
  if (m < 0 || m > 11) return null;
  if (match[3] === undefined) return { from: utc(y, m), before: utc(y, m + 1) };
  const d = Number(match[3]);
  const day = utc(y, m, d);
  // Date.UTC rolls 2023-02-30 over to March; such a day does not exist.
  if (day.getUTCMonth() !== m || d < 1) return null;
  return { from: day, before: utc(y, m, d + 1) };
}

function rangeSpan(text: string): DateRange | null {
  const parts = text.split('..');
  if (parts.length !== 2) return null;
  const start = isoSpan(parts[0]!);
  const end = isoSpan(parts[1]!);
  if (!start || !end || end.before <= start.from) return null;
  return { from: start.from, before: end.before };
}

/** The most recent June–August (northern hemisphere) that has ended or is under way. */
function lastSummer(now: Date): DateRange {
  const y = now.getUTCFullYear();
  const summerYear = now >= utc(y, 5) ? y : y - 1;
  return { from: utc(summerYear, 5), before: utc(summerYear, 8) };
}

function widen(range: DateRange | undefined, next: DateRange): DateRange {
  if (!range) return next;
  return {
    from: next.from < range.from ? next.from : range.from,
    before: next.before > range.before ? next.before : range.before,
  };
}

interface Token {
  text: string;
  /** Typed in quotes: always a word, spaces and all. */
  quoted: boolean;
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  for (const match of input.normalize('NFC').matchAll(/"([^"]*)"|(\S+)/gu)) {
    const text = (match[1] ?? match[2] ?? '').trim();
    if (text) tokens.push({ text, quoted: match[1] !== undefined });
  }
  return tokens;
}

export function parseSearch(input: string, now: Date = new Date()): ParsedSearch {
  const tokens = tokenize(input);
  const words: string[] = [];
  let dateRange: DateRange | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (token.quoted) {
      words.push(token.text);
      continue;
    }
    const month = monthIndex(token.text);
    const nextYear = next && !next.quoted ? year(next.text) : null;
    if (month !== null && nextYear !== null) {
      dateRange = widen(dateRange, { from: utc(nextYear, month), before: utc(nextYear, month + 1) });
      i++;
      continue;
    }
    if (token.text.toLowerCase() === 'last' && next && !next.quoted && next.text.toLowerCase() === 'summer') {
      dateRange = widen(dateRange, lastSummer(now));
      i++;
      continue;
    }
    const span = isoSpan(token.text) ?? rangeSpan(token.text);
    if (span) {
      dateRange = widen(dateRange, span);
      continue;
    }
    words.push(token.text);
  }
  const unique = [...new Set(words)].slice(0, maxSearchWords);
  return dateRange ? { words: unique, dateRange } : { words: unique };
}
