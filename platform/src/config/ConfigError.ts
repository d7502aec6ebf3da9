/** A configuration problem a person must fix; its message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
