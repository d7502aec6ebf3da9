export { createBackup, restoreBackup, type BackupManifest } from './backup/index.js';
export * from './keys/index.js';
export * from './sealed/index.js';
export * from './erasure/index.js';
