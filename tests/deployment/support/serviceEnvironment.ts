import type { ComposeConfig, ComposeService } from './readCompose.js';
import type { Dockerfile, DockerStage } from './readDockerfile.js';

/** The Dockerfile stage a service's image is built from (services that only name an image share another's build). */
export function stageOf(
  compose: ComposeConfig,
  dockerfile: Dockerfile,
  service: ComposeService,
): DockerStage | undefined {
  const builder = Object.values(compose.services).find((other) => other.build && other.image === service.image);
  return builder?.build?.target ? dockerfile.stages.get(builder.build.target) : undefined;
}

/** A service's environment as the container sees it: its image's ENV, then compose's. */
export function serviceEnvironment(
  compose: ComposeConfig,
  dockerfile: Dockerfile,
  service: ComposeService,
): Record<string, string> {
  const own = Object.entries(service.environment ?? {}).map(([name, value]) => [name, value ?? ''] as const);
  return { ...(stageOf(compose, dockerfile, service)?.env ?? {}), ...Object.fromEntries(own) };
}
