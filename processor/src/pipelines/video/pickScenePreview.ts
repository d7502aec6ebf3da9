import sharp from 'sharp';

/** Fewer scene cuts than this and the preview would be a slideshow of two pictures. */
export const MIN_SCENE_FRAMES = 4;

async function frameCount(webp: Buffer): Promise<number> {
  if (webp.length === 0) return 0;
  try {
    return (await sharp(webp, { animated: true }).metadata()).pages ?? 1;
  } catch {
    return 0;
  }
}

/**
 * `select='gt(scene,0.4)'` finds nothing in footage without cuts (a single shot, a screen
 * recording), so such videos get 20 evenly spaced frames instead: every video has a preview.
 */
export async function pickScenePreview(
  scenes: Buffer,
  evenFrames: Buffer,
): Promise<{ webp: Buffer; source: 'scenes' | 'even'; frames: number }> {
  const sceneFrames = await frameCount(scenes);
  if (sceneFrames >= MIN_SCENE_FRAMES) return { webp: scenes, source: 'scenes', frames: sceneFrames };
  const evenCount = await frameCount(evenFrames);
  if (evenCount > 0) return { webp: evenFrames, source: 'even', frames: evenCount };
  return { webp: scenes, source: 'scenes', frames: sceneFrames };
}
