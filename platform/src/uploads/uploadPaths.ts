import path from 'node:path';

/**
 * Where web uploads live under IMPORTS_DIR. The server writes these places and the processor
 * reads them, so both take the names from here.
 *
 * - `<PARTIAL_UPLOADS_DIR>/`: uploads still arriving (tus data and its `.json`). Hidden, so the
 *   watcher never looks inside, and on the same filesystem as the rest of imports/ so a finished
 *   upload moves into place with one atomic link/rename, never a copy.
 * - `<UPLOADS_DIR>/<username>/<file>`: finished uploads, processed like any dropped file; the
 *   username is who uploaded it (media_files.uploaded_by).
 */
export const PARTIAL_UPLOADS_DIR = '.uploads-partial';
export const UPLOADS_DIR = 'uploads';

/**
 * What the web sends in one tus PATCH. nginx's client_max_body_size for /api/uploads is above it
 * (launcher/src/nginx/renderNginx.test.ts checks), and the server tells clients (GET /api/uploads).
 */
export const UPLOAD_CHUNK_BYTES = 32 * 1024 * 1024;

/** Names browsers and copy tools give files they have not finished writing; the watcher skips them. */
export const PARTIAL_SUFFIXES = ['.part', '.crdownload', '.tmp', '.partial', '.download'] as const;
/** Files operating systems leave in folders; the watcher skips them. */
export const SYSTEM_NAMES: ReadonlySet<string> = new Set(['Thumbs.db', 'desktop.ini', 'Icon\r']);

/** The same rule as the users table's usernames (server/src/users/userService.ts). */
const usernamePattern = /^[A-Za-z0-9._-]{2,64}$/;
const MAX_NAME_BYTES = 200;

/** Whether the watcher would skip a file of this name wherever it lies (hidden, partial, system). */
export function isSkippedName(name: string): boolean {
  if (name.startsWith('.') || SYSTEM_NAMES.has(name)) return true;
  const lower = name.toLowerCase();
  return PARTIAL_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/**
 * A username may start with a dot (".anna", even ".."), which as a folder would be hidden from
 * the watcher or lead out of uploads/: such folders get a "~" in front, a character no username has.
 */
function folderName(username: string): string {
  return username.startsWith('.') ? `~${username}` : username;
}

/** The username an imports/ path (relative, "/"-separated) was uploaded by, or null for the drop folder. */
export function uploaderOf(relativePath: string): string | null {
  const parts = relativePath.split('/');
  if (parts.length !== 3 || parts[0] !== UPLOADS_DIR) return null;
  const folder = parts[1]!;
  const username = folder.startsWith('~.') ? folder.slice(1) : folder;
  return usernamePattern.test(username) && folderName(username) === folder ? username : null;
}

/** imports/uploads/<username>/, relative to IMPORTS_DIR. */
export function uploadFolderOf(username: string): string {
  if (!usernamePattern.test(username)) throw new Error(`not a username: ${JSON.stringify(username)}`);
  return path.posix.join(UPLOADS_DIR, folderName(username));
}

function truncateBytes(text: string, maxBytes: number): string {
  let out = text;
  while (Buffer.byteLength(out) > maxBytes) out = out.slice(0, -1);
  return out;
}

/**
 * A browser's file name made safe to keep as a file in imports/: the last path part only, no
 * control characters, not hidden, not a name the watcher skips, at most 200 bytes (extension kept).
 * It becomes the item's original_name, so it changes as little as it can.
 */
export function safeUploadName(name: string | null | undefined): string {
  let clean = (name ?? '')
    .split(/[/\\]/)
    .at(-1)!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  clean = clean.replace(/^\.+/, '');
  if (clean === '') clean = 'upload';
  if (isSkippedName(clean)) clean = `${clean}.upload`;
  const ext = path.posix.extname(clean);
  if (Buffer.byteLength(clean) > MAX_NAME_BYTES) {
    const keptExt = Buffer.byteLength(ext) <= 20 ? ext : '';
    clean =
      truncateBytes(clean.slice(0, clean.length - keptExt.length), MAX_NAME_BYTES - Buffer.byteLength(keptExt)) +
      keptExt;
  }
  return clean;
}

/** "IMG_0001.jpg" → "IMG_0001 (2).jpg": the name to try when the first is taken. */
export function numberedName(name: string, n: number): string {
  if (n <= 1) return name;
  const ext = path.posix.extname(name);
  return `${name.slice(0, name.length - ext.length)} (${n})${ext}`;
}
