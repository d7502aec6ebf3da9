export { createBackup, type BackupOptions, type BackupDeps } from './createBackup.js';
export { restoreBackup, type RestoreOptions, type RestoreDeps } from './restoreBackup.js';
export type { BackupManifest } from './manifest.js';
