/**
 * Who may call a route (route `config.access`):
 * - `public`: anyone inside the allowlist (sign-in, health, docs, the web app);
 * - `user` / `admin`: a Bearer access token of a live session (admin: and the admin role);
 * - `media-item` / `media-key`: a signed `?t=` token for the `:id` item or the `:keyId` key, of a live session,
 *   or without `?t=` a Bearer access token;
 * - `media-download`: the same for the `:id` zip download a signed-in user asked for.
 */
export type AccessLevel = 'public' | 'user' | 'admin' | 'media-item' | 'media-key' | 'media-download';

/** Routes that do not say: everything under /api/ needs a signed-in user, except the API docs. */
export function defaultAccess(routeUrl: string | undefined): AccessLevel {
  if (!routeUrl) return 'public';
  return routeUrl.startsWith('/api/') && !routeUrl.startsWith('/api/docs') ? 'user' : 'public';
}
