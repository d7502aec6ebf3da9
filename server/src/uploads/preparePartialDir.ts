import fs from 'node:fs/promises';
import path from 'node:path';
import { PARTIAL_UPLOADS_DIR } from '@keepsake/platform';

/**
 * imports/.uploads-partial/, readable by Keepsake only (0700), made or tightened at start.
 * A link or a file in its place is refused: partial uploads must not be written elsewhere.
 */
export async function preparePartialDir(importsDir: string): Promise<string> {
  const dir = path.join(importsDir, PARTIAL_UPLOADS_DIR);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const stats = await fs.lstat(dir);
  if (!stats.isDirectory()) throw new Error(`${dir} is not a folder; remove it so uploads can be stored`);
  await fs.chmod(dir, 0o700);
  return dir;
}
