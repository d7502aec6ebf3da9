import path from 'node:path';

/** Extensions a sidecar subtitle file is dropped with; its content still decides what it is. */
export const SIDECAR_EXTENSIONS = ['.srt', '.vtt'] as const;

/** A language tag as files write it: `en`, `eng`, `pt-BR`, `zh-Hant`. */
const languageTag = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?$/i;

/** A stream's or a file's language tag, or null ("und" and anything unlike a tag is unknown). */
export function languageOf(tag: string | undefined | null): string | null {
  const value = tag?.trim();
  if (!value || !languageTag.test(value) || value.toLowerCase() === 'und') return null;
  return value.replace('_', '-');
}

/** `forced` in a sidecar's name (`film.en.forced.srt`) marks a forced track, as Plex and Jellyfin read it. */
const FORCED_WORD = 'forced';

export interface SidecarName {
  /** The video's path without extension it may belong to, lower-cased, most specific first. */
  stems: string[];
  language: string | null;
  forced: boolean;
  /** As dropped, for the track's name and the failure message. */
  fileName: string;
}

/**
 * Which video a sidecar names: `film.srt`, `film.en.srt` and `film.en.forced.srt` all belong to
 * `film.<ext>` in the same folder (`film.en` is tried too, for a video really called that).
 */
export function sidecarName(relativePath: string): SidecarName {
  const posix = relativePath.split(path.sep).join('/');
  const folder = path.posix.dirname(posix);
  const fileName = path.posix.basename(posix);
  const parts = fileName.replace(/\.[^.]*$/, '').split('.');
  const prefix = folder === '.' ? '' : `${folder}/`;
  const stems = [parts.join('.')];
  let forced = false;
  if (parts.length > 1 && parts[parts.length - 1]!.toLowerCase() === FORCED_WORD) {
    forced = true;
    parts.pop();
    stems.push(parts.join('.'));
  }
  let language: string | null = null;
  if (parts.length > 1 && languageOf(parts[parts.length - 1])) {
    language = languageOf(parts.pop());
    stems.push(parts.join('.'));
  }
  return { stems: stems.map((stem) => `${prefix}${stem}`.toLowerCase()), language, forced, fileName };
}

export const hasSidecarExtension = (relativePath: string) =>
  (SIDECAR_EXTENSIONS as readonly string[]).includes(path.extname(relativePath).toLowerCase());
