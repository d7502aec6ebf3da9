import { Type, type Static } from '@sinclair/typebox';
import type { UserRole } from '@keepsake/database';

/**
 * A role as a request or the CLI may name it: Keepsake's `admin` / `member`, or the design
 * document's `user`, which is stored (and answered) as `member`. Stored values stay the two, so
 * tokens, the database check and every answer say one thing.
 */
export const roleInputs = ['admin', 'member', 'user'] as const;
export const RoleInput = Type.Union(
  roleInputs.map((role) => Type.Literal(role)),
  { description: "admin or member; user (the design document's name) is the same as member" },
);
export type RoleInput = Static<typeof RoleInput>;

export function storedRole(role: RoleInput): UserRole {
  return role === 'user' ? 'member' : role;
}
