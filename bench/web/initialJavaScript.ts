import fs from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

export interface InitialJavaScript {
  files: { file: string; bytes: number; gzipBytes: number }[];
  gzipBytes: number;
  /** Whether any initial file contains hls.js. */
  hlsInInitial: boolean;
  /** Which lazy file holds hls.js (a sanity check that the detector works). */
  hlsChunk: string | null;
}

/** A string hls.js carries in every build (an event name), and nothing else in the app does. */
const hlsSignature = 'hlsManifestLoading';

/**
 * The JavaScript a first visit downloads before anything lazy: the entry chunk and the
 * chunks it imports statically (Vite's manifest says which), each gzipped as a server would.
 */
export async function measureInitialJavaScript(distDir: string): Promise<InitialJavaScript> {
  const manifest = JSON.parse(await fs.readFile(path.join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  if (!entry) throw new Error('the Vite manifest names no entry chunk');
  const initial = new Set<string>();
  const visit = (key: string) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entry[0]);

  const files = [];
  let hlsInInitial = false;
  for (const key of initial) {
    const file = manifest[key]!.file;
    const content = await fs.readFile(path.join(distDir, file));
    if (content.includes(hlsSignature)) hlsInInitial = true;
    files.push({ file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length });
  }
  let hlsChunk: string | null = null;
  for (const chunk of Object.values(manifest)) {
    if (!chunk.file.endsWith('.js')) continue;
    if ((await fs.readFile(path.join(distDir, chunk.file))).includes(hlsSignature)) hlsChunk = chunk.file;
  }
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0), hlsInInitial, hlsChunk };
}
