import path from 'node:path';

/**
 * Names for a zip's entries from the items' original names: no folder parts (an entry must not
 * unpack outside the folder it is unpacked into) and no two alike (`IMG_1.jpg`, `IMG_1 (2).jpg`).
 */
export class ZipEntryNames {
  private readonly taken = new Set<string>();

  next(originalName: string): string {
    const safe = originalName.replace(/[/\\\0]/g, '_').replace(/^\.+/, '_') || 'file';
    const { name, ext } = path.parse(safe);
    let candidate = safe;
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) candidate = `${name} (${n})${ext}`;
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}
