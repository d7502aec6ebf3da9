export { isUuid, uuidPattern, uuidSource } from './patterns/uuid.js';
export {
  assetKindFor,
  assetKinds,
  generationDir,
  generationFolderPattern,
  inGeneration,
  parseAssetPath,
  ROTATING_SUFFIX,
  STAGING_DIR,
  type AssetKind,
  type AssetPath,
} from './assets/assetLayout.js';
