export { buildApp } from './app/buildApp.js';
export type { AppDeps } from './app/AppDeps.js';
export type { App } from './app/types.js';
export { MediaUrlSigner, type MediaPurpose, type SignedResource } from './media/MediaUrlSigner.js';
export { createUser } from './users/userService.js';
