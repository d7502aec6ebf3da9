export { ConfigError } from './ConfigError.js';
export {
  loadCommonConfig,
  loadServerConfig,
  loadProcessorConfig,
  type CommonConfig,
  type ServerConfig,
  type ProcessorConfig,
} from './loadConfig.js';
export { commonSpecs, serverSpecs, processorSpecs, initSpecs, secretNames } from './specs.js';
export { findIgnoredSettings, ignoredSettings, warnIgnoredSettings, type IgnoredSetting } from './ignoredSettings.js';
