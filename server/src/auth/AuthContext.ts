import type { PublicUser, UserRole } from '@keepsake/database';

/** Who is calling, once the auth hook has checked it. */
export interface AuthContext {
  userId: string;
  sessionId: string;
  /** Known for Bearer requests (read fresh from the database); media URLs carry no role. */
  role: UserRole | null;
  user: PublicUser | null;
}

export interface AccessClaims {
  sub: string;
  sid: string;
  role: UserRole;
}
