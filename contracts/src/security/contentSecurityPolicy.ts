/**
 * The one Content-Security-Policy of the gallery. The built page carries it in a
 * `<meta http-equiv>` (so the app is held to it wherever it is served from; nginx/render copies
 * that tag into nginx's header) and the server sends it as a header, so the server alone —
 * without nginx — is no weaker. An e2e test compares the two directive by directive.
 */
export const contentSecurityPolicyDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  // hls.js plays through Media Source Extensions (blob: URLs) and may run a worker.
  'img-src': ["'self'", 'blob:', 'data:'],
  'media-src': ["'self'", 'blob:'],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Said by the server's header only: a `<meta>` policy cannot carry frame-ancestors. */
const headerOnly = new Set(['script-src-attr', 'frame-ancestors']);

/** The policy as the built page's `<meta http-equiv="Content-Security-Policy">` says it. */
export const metaContentSecurityPolicy = Object.entries(contentSecurityPolicyDirectives)
  .filter(([name]) => !headerOnly.has(name))
  .map(([name, values]) => `${name} ${values.join(' ')}`)
  .join('; ');
