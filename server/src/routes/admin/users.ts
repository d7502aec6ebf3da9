import { Type } from '@sinclair/typebox';
import { users, type PublicUser } from '@keepsake/database';
import { asApiErrors } from '../../users/userInputErrors.js';
import type { App } from '../../app/types.js';
import { ApiError } from '../../errors/ApiError.js';
import { errorResponses, IdParams, NoContent } from '../../schemas/common.js';
import { RoleInput, storedRole } from '../../users/roleInput.js';
import { AdminUserView, adminUserView } from '../../views/adminUserView.js';
import { revokeUserSessions } from '../../sessions/revokeUserSessions.js';
import { maxPasswordLength } from '@keepsake/contracts';
import {
  createUser,
  resetPassword,
  setUserActive,
  setUserRole,
  type UserServiceDeps,
} from '../../users/userService.js';

const NewUserBody = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' }),
    email: Type.String({ minLength: 3, maxLength: 254 }),
    full_name: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: maxPasswordLength }),
    role: Type.Optional(RoleInput),
  },
  { additionalProperties: false },
);

const UserChangeBody = Type.Object(
  { is_active: Type.Optional(Type.Boolean()), role: Type.Optional(RoleInput) },
  { additionalProperties: false, minProperties: 1 },
);

const PasswordBody = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: maxPasswordLength }) },
  { additionalProperties: false },
);

const tags = ['admin'];

export async function adminUserRoutes(app: App): Promise<void> {
  const deps = (): UserServiceDeps => ({
    db: app.db,
    revokeSessions: async (userId, reason) => {
      await revokeUserSessions(app.db, app.liveSessions, userId, reason);
    },
  });

  async function requireUser(id: string): Promise<PublicUser> {
    const user = await users.findUserById(app.db, id);
    if (!user) throw new ApiError('SYSTEM_005', 'No such user.');
    return user;
  }

  app.get(
    '/api/admin/users',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Every user',
        response: { 200: Type.Object({ users: Type.Array(AdminUserView) }), ...errorResponses },
      },
    },
    async () => ({ users: (await users.listUsers(app.db)).map(adminUserView) }),
  );

  app.post(
    '/api/admin/users',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Create a user (password policy applies)',
        body: NewUserBody,
        response: { 201: Type.Object({ user: AdminUserView }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const user = await asApiErrors(() =>
        createUser(deps(), {
          username: body.username,
          email: body.email,
          fullName: body.full_name,
          role: storedRole(body.role ?? 'member'),
          password: body.password,
        }),
      );
      request.audit({ action: 'admin.user_create', details: { target: user.id, username: user.username } });
      return reply.code(201).send({ user: adminUserView(user) });
    },
  );

  app.patch(
    '/api/admin/users/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Disable or enable a user (disabling ends their sessions), or change their role',
        params: IdParams,
        body: UserChangeBody,
        response: { 200: Type.Object({ user: AdminUserView }), ...errorResponses },
      },
    },
    async (request) => {
      const target = await requireUser(request.params.id);
      const { is_active: isActive, role } = request.body;
      let user = target;
      if (role !== undefined) user = await asApiErrors(() => setUserRole(deps(), target.username, storedRole(role)));
      if (isActive !== undefined) user = await asApiErrors(() => setUserActive(deps(), target.username, isActive));
      request.audit({ action: 'admin.user_update', details: { target: target.id, ...request.body } });
      return { user: adminUserView(user) };
    },
  );

  app.post(
    '/api/admin/users/:id/password',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: "Set a user's password (ends their sessions)",
        params: IdParams,
        body: PasswordBody,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      const target = await requireUser(request.params.id);
      await asApiErrors(() => resetPassword(deps(), target.username, request.body.password));
      request.audit({ action: 'admin.password_reset', details: { target: target.id } });
      return reply.code(204).send(null);
    },
  );
}
