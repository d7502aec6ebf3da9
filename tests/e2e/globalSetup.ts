import { ensureWebBuild } from '@keepsake/testkit';

/** The e2e files share one build of the gallery, made once per run when it is missing or stale. */
export default async function setup(): Promise<void> {
  await ensureWebBuild();
}
