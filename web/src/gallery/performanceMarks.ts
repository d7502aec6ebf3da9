/**
 * Performance-timeline marks the web bench reads (bench/web): when the first tiles were
 * laid out, and when the first thumbnail had decoded. Each is marked once per page load.
 */
let tilesMarked = false;
let thumbnailMarked = false;

export function markFirstTiles(): void {
  if (tilesMarked) return;
  tilesMarked = true;
  performance.mark('keepsake:first-tiles');
}

export function markFirstThumbnail(): void {
  if (thumbnailMarked) return;
  thumbnailMarked = true;
  performance.mark('keepsake:first-thumbnail');
}
