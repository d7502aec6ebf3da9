import { Argument, Command } from 'commander';
import { createDb, users, type PublicUser } from '@keepsake/database';
import { createRedis, loadCommonConfig, OperatorError, readSecretInput, runCli } from '@keepsake/platform';
import { LiveSessions } from '../sessions/LiveSessions.js';
import { revokeUserSessions } from '../sessions/revokeUserSessions.js';
import { UserInputError } from '../users/userErrors.js';
import { passwordPolicyText } from '@keepsake/contracts';
import { createUser, resetPassword, setUserActive, setUserRole, type UserServiceDeps } from '../users/userService.js';
import { roleInputs, storedRole, type RoleInput } from '../users/roleInput.js';

/** Opens what user management needs, runs one action, and always closes the connections. */
async function withDeps(action: (deps: UserServiceDeps) => Promise<void>): Promise<void> {
  const config = loadCommonConfig();
  const db = createDb({ databaseUrl: config.databaseUrl, maxConnections: 2, applicationName: 'keepsake-user' });
  const redis = createRedis({ redisUrl: config.redisUrl, prefix: config.redisPrefix });
  // Only ends sessions here, so the idle time does not matter; a Redis failure is told, the change stands.
  const live = new LiveSessions(redis, 0, (_details, message) => process.stderr.write(`warning: ${message}\n`));
  try {
    await action({
      db,
      revokeSessions: (userId, reason) => revokeUserSessions(db, live, userId, reason).then(() => {}),
    });
  } catch (error) {
    if (error instanceof UserInputError) throw new OperatorError(error.message);
    throw error;
  } finally {
    await db.destroy();
    redis.disconnect();
  }
}

function describe(user: PublicUser): string {
  const state = user.is_active ? 'active' : 'disabled';
  return `${user.username} <${user.email}> ${user.full_name} — ${user.role}, ${state}`;
}

const readPassword = (fromStdin: boolean) =>
  readSecretInput({ label: 'Password', stdinOption: '--password-stdin', fromStdin, confirm: true });

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const program = new Command('user').description('Manage the people who can sign in to Keepsake.');

program
  .command('create')
  .description(`Create a user. ${passwordPolicyText}`)
  .requiredOption('--username <username>', 'sign-in name (letters, digits, . _ -)')
  .requiredOption('--email <email>', 'email address (may also be used to sign in)')
  .requiredOption('--name <full name>', 'full name shown in the gallery')
  .option('--admin', 'make this user an admin', false)
  .option('--password-stdin', 'read the password from standard input instead of a prompt', false)
  .action((opts: { username: string; email: string; name: string; admin: boolean; passwordStdin: boolean }) =>
    withDeps(async (deps) => {
      const password = await readPassword(opts.passwordStdin);
      const user = await createUser(deps, {
        username: opts.username,
        email: opts.email,
        fullName: opts.name,
        role: opts.admin ? 'admin' : 'member',
        password,
      });
      print(`Created ${describe(user)}`);
    }),
  );

program
  .command('list')
  .description('List every user.')
  .option('--json', 'print JSON', false)
  .action((opts: { json: boolean }) =>
    withDeps(async ({ db }) => {
      const all = await users.listUsers(db);
      if (opts.json) print(JSON.stringify(all, null, 2));
      else if (all.length === 0) print('No users yet. Create the first admin with: npm run user -- create --admin ...');
      else all.forEach((user) => print(describe(user)));
    }),
  );

for (const [name, active] of [
  ['disable', false],
  ['enable', true],
] as const) {
  program
    .command(name)
    .description(
      active ? 'Let a disabled user sign in again.' : 'Stop a user from signing in and end their sessions now.',
    )
    .argument('<login>', 'username or email')
    .action((login: string) =>
      withDeps(async (deps) =>
        print(`${active ? 'Enabled' : 'Disabled'} ${describe(await setUserActive(deps, login, active))}`),
      ),
    );
}

program
  .command('reset-password')
  .description(`Set a new password and end the user's sessions. ${passwordPolicyText}`)
  .argument('<login>', 'username or email')
  .option('--password-stdin', 'read the password from standard input instead of a prompt', false)
  .action((login: string, opts: { passwordStdin: boolean }) =>
    withDeps(async (deps) => {
      const password = await readPassword(opts.passwordStdin);
      print(`New password set for ${describe(await resetPassword(deps, login, password))}`);
    }),
  );

program
  .command('set-role')
  .description("Make a user an admin or a member (user, the design document's word, is the same as member).")
  .argument('<login>', 'username or email')
  .addArgument(new Argument('<role>', 'admin, member or user (= member)').choices(roleInputs))
  .action((login: string, role: RoleInput) =>
    withDeps(async (deps) => print(`Role changed: ${describe(await setUserRole(deps, login, storedRole(role)))}`)),
  );

runCli(async () => {
  await program.parseAsync();
});
