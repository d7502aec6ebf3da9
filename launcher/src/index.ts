export { ensureWebBuild, webBuildIsStale, webDir, webDistDir } from './build/webBuild.js';
export { buildWhatIsMissing } from './build/buildWorkspaces.js';
export { renderNginx, nginxCommand, findNginx, type RenderedNginx } from './nginx/renderNginx.js';
export { Supervisor, type ServiceSpec, type SupervisorOutput } from './supervise/Supervisor.js';
export { runStep, StepError, type StepOptions } from './supervise/runStep.js';
export { startEnvironment, devEnvironment, readDotEnv, withDefaults, runDir } from './environment.js';
export { repoRoot } from './repoRoot.js';
export { stopGraceMs } from './stopGrace.js';
