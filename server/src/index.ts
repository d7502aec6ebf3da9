export { buildApp } from './app/buildApp.js';
export type { AppDeps } from './app/AppDeps.js';
export type { App } from './app/types.js';
