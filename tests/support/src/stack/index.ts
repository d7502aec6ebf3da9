export { startStack, type Stack, type StackOptions, type StackUser } from './startStack.js';
export { ensureWebBuild, webBuildIsStale, webDir, webDistDir } from '@keepsake/launcher';
export { startProcess, runToEnd, type RunningProcess } from './childProcess.js';
export { freePort } from './freePort.js';
export { waitForHttp, waitForReady } from './waitForHttp.js';
export { startNginx, type NginxOptions, type RunningNginx, type NginxUpstream } from './startNginx.js';
export { httpsRequest, type HttpsAnswer, type HttpsRequestOptions } from './httpsRequest.js';
export { makeStackDirs, removeStackDirs, type StackDirs } from './stackDirs.js';
