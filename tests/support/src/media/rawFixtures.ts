import path from 'node:path';
import { repoRoot } from './repoRoot.js';

/** The real camera RAW files in tests/fixtures/raw (headers only; SOURCES.md there says whose). */
export const rawFixtures = {
  cr2: 'CanonRaw.cr2',
  cr3: 'CanonRaw.cr3',
  nef: 'Nikon.nef',
  raf: 'FujiFilm.raf',
  rw2: 'Panasonic.rw2',
  dng: 'DNG.dng',
  proRaw: 'IMG_1361.dng',
} as const;

export function rawFixture(name: string): string {
  return path.join(repoRoot, 'tests', 'fixtures', 'raw', name);
}
