import { users } from '@keepsake/database';
import type { App } from '../app/types.js';
import { ApiError } from '../errors/ApiError.js';

/** Whether this user may take originals out: admins always, members while MEMBERS_CAN_DOWNLOAD. */
export function mayDownload(app: App, role: string | null | undefined): boolean {
  return role === 'admin' || app.config.membersCanDownload;
}

/** Media URLs carry no role: the database says who the user is. DOWNLOAD_001 when they may not. */
export async function requireDownloadRight(app: App, userId: string): Promise<void> {
  const user = await users.findUserById(app.db, userId);
  if (!user || !mayDownload(app, user.role)) throw new ApiError('DOWNLOAD_001');
}
