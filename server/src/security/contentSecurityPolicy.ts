/**
 * The policy the gallery is built under (web/src/security/contentSecurityPolicy.ts, its
 * `<meta http-equiv>`), so the server alone — without nginx — is no weaker; plus what only a
 * header can say (framing). An e2e test compares the two directive by directive.
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
