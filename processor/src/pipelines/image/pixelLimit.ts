/** Above this a picture is treated as a decompression bomb (the largest camera sensors are ~150 MP). */
export const MAX_INPUT_PIXELS = 200_000_000;

export function overPixelLimit(width: number, height: number): boolean {
  return width * height > MAX_INPUT_PIXELS;
}
