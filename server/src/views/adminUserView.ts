import { Type } from '@sinclair/typebox';
import type { PublicUser } from '@keepsake/database';
import { NullableTimestamp, Timestamp, Uuid } from '../schemas/common.js';

export const Role = Type.Union([Type.Literal('admin'), Type.Literal('member')]);

export const AdminUserView = Type.Object({
  id: Uuid,
  username: Type.String(),
  email: Type.String(),
  full_name: Type.String(),
  role: Role,
  is_active: Type.Boolean(),
  last_login_at: NullableTimestamp,
  created_at: Timestamp,
});

export function adminUserView(user: PublicUser) {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    full_name: user.full_name,
    role: user.role,
    is_active: user.is_active,
    last_login_at: user.last_login_at?.toISOString() ?? null,
    created_at: user.created_at.toISOString(),
  };
}
