/** Everything the audit log records (access_logs.action); the database checks the spelling too. */
export const auditActions = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.refresh_reuse',
  'session.evicted',
  'session.revoked',
  'media.view',
  'media.caption',
  'media.download',
  'media.key',
  'media.stream_start',
  'media.stream_refused',
  'album.create',
  'album.update',
  'album.delete',
  'album.items_add',
  'album.items_remove',
  'security.refused',
  'admin.user_create',
  'admin.user_update',
  'admin.password_reset',
  'admin.queue_retry',
  'setup.first_admin',
  'setup.refused',
] as const;

export type AuditAction = (typeof auditActions)[number];
