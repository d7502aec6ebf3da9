/**
 * "Apple iPhone 13 mini" from whatever EXIF-like fields the processor kept in metadata;
 * the names differ between photos (EXIF Make/Model) and videos (QuickTime tags).
 */
export function cameraOf(metadata: Record<string, unknown> | undefined): string | null {
  if (!metadata) return null;
  const sources = [metadata, metadata.exif, metadata.camera, metadata.tags].filter(
    (value): value is Record<string, unknown> => typeof value === 'object' && value !== null,
  );
  if (typeof metadata.camera === 'string' && metadata.camera.trim()) return metadata.camera.trim();
  const pick = (names: string[]) => {
    for (const source of sources) {
      for (const name of names) {
        const value = source[name];
        if (typeof value === 'string' && value.trim()) return value.trim();
      }
    }
    return null;
  };
  const make = pick(['make', 'Make', 'camera_make', 'com.apple.quicktime.make']);
  const model = pick(['model', 'Model', 'camera_model', 'com.apple.quicktime.model']);
  if (make && model) return model.toLowerCase().startsWith(make.toLowerCase()) ? model : `${make} ${model}`;
  return model ?? make;
}
