import type { PublicUser } from '@keepsake/database';
import type { UserView } from '../schemas/common.js';

export function userView(user: PublicUser): UserView {
  return { id: user.id, username: user.username, email: user.email, full_name: user.full_name, role: user.role };
}
