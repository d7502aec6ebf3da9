/**
 * The binding of one of an item's sealed files: the item and the file's name (which says
 * what it is: `image.webp.sealed`, `thumb.webp.sealed`, `original.sealed`, …). Not the
 * generation: rotation moves a file to a new generation folder under a new key, and the
 * key already differs per generation.
 */
export function bindingFor(mediaId: string, fileName: string): string {
  return `item:${mediaId}/${fileName}`;
}
