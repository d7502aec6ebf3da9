import { Type } from '@sinclair/typebox';
import { users } from '@keepsake/database';
import type { App } from '../app/types.js';
import { AttemptCounter } from '../auth/throttle/AttemptCounter.js';
import { setupCounters } from '../auth/throttle/limits.js';
import { takeAttempt } from '../auth/throttle/takeAttempt.js';
import { ApiError } from '../errors/ApiError.js';
import { errorResponses } from '../schemas/common.js';
import { setupCode, setupCodeMatches } from '../setup/setupCode.js';
import { maxPasswordLength } from '@keepsake/contracts';
import { createUser } from '../users/userService.js';
import { asApiErrors } from '../users/userInputErrors.js';
import { AdminUserView, adminUserView } from '../views/adminUserView.js';

const SetupBody = Type.Object(
  {
    setup_code: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'printed in the server log while no user exists',
    }),
    username: Type.String({ minLength: 1, maxLength: 64 }),
    email: Type.String({ minLength: 3, maxLength: 254 }),
    full_name: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: maxPasswordLength }),
  },
  { additionalProperties: false },
);

/**
 * First run in the browser: while nobody can sign in, whoever holds the setup code from the
 * server's log may create the first admin, once. Wrong codes are limited per address.
 */
export async function setupRoutes(app: App): Promise<void> {
  const attempts = new AttemptCounter(app.redis);
  const code = setupCode(app.config.urlSigningSecret);
  // One creation at a time, so a double submit cannot make two first admins.
  let creating: Promise<unknown> = Promise.resolve();

  app.get(
    '/api/setup',
    {
      config: { access: 'public' },
      schema: {
        tags: ['setup'],
        summary: 'Whether the first admin still has to be created',
        response: { 200: Type.Object({ needed: Type.Boolean() }), ...errorResponses },
      },
    },
    async () => ({ needed: (await users.countUsers(app.db)) === 0 }),
  );

  app.post(
    '/api/setup',
    {
      config: { access: 'public' },
      schema: {
        tags: ['setup'],
        summary: 'Create the first admin with the setup code from the server log',
        body: SetupBody,
        response: { 201: Type.Object({ user: AdminUserView }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { body } = request;
      // Counted before the code is compared, per address only: a stranger's guesses never
      // stop the installer at another address.
      const attempt = await takeAttempt(attempts, setupCounters(request.clientIp), 'wrong setup codes');
      const create = async () => {
        if ((await users.countUsers(app.db)) > 0) {
          await attempt.refund();
          throw new ApiError('SYSTEM_006', 'Keepsake is already set up: sign in, or ask an admin for an account.');
        }
        if (!setupCodeMatches(code, body.setup_code)) {
          request.audit({ action: 'setup.refused', status: 401 });
          throw new ApiError('AUTH_001', 'That setup code is not the one in the server log.');
        }
        await attempt.refund();
        return asApiErrors(() =>
          createUser(
            { db: app.db },
            {
              username: body.username.trim(),
              email: body.email.trim(),
              fullName: body.full_name,
              role: 'admin',
              password: body.password,
            },
          ),
        );
      };
      const result = creating.then(create, create);
      creating = result.catch(() => {});
      const user = await result;
      request.audit({ action: 'setup.first_admin', userId: user.id, status: 201 });
      request.log.info({ username: user.username }, 'first admin created');
      return reply.code(201).send({ user: adminUserView(user) });
    },
  );
}
