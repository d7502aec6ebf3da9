import { users, type Db, type PublicUser, type UserRole } from '@keepsake/database';
import { hashPassword } from './passwordHash.js';
import { describePasswordProblems, passwordProblems } from '@keepsake/contracts';
import { UserInputError } from './userErrors.js';

export interface UserServiceDeps {
  db: Db;
  /** Ends every session of a user at once (disable, password reset); wired by the server's session store. */
  revokeSessions?: (userId: string, reason: string) => Promise<void>;
}

export interface NewUserInput {
  username: string;
  email: string;
  fullName: string;
  role: UserRole;
  password: string;
}

const usernamePattern = /^[A-Za-z0-9._-]{2,64}$/;
const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function assertStrongPassword(password: string): void {
  const problems = passwordProblems(password);
  if (problems.length > 0) throw new UserInputError('weak_password', describePasswordProblems(problems));
}

export async function createUser({ db }: UserServiceDeps, input: NewUserInput): Promise<PublicUser> {
  if (!usernamePattern.test(input.username)) {
    throw new UserInputError('invalid', 'Username must be 2–64 letters, digits, dots, dashes or underscores.');
  }
  if (!emailPattern.test(input.email) || input.email.length > 254) {
    throw new UserInputError('invalid', `"${input.email}" is not an email address.`);
  }
  if (input.fullName.trim().length === 0 || input.fullName.length > 200) {
    throw new UserInputError('invalid', 'Full name must be 1–200 characters.');
  }
  assertStrongPassword(input.password);
  try {
    return await users.insertUser(db, {
      username: input.username,
      email: input.email,
      full_name: input.fullName.trim(),
      role: input.role,
      password_hash: await hashPassword(input.password),
      updated_at: new Date(),
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw new UserInputError('duplicate', 'A user with that username or email already exists.');
    }
    throw error;
  }
}

async function requireUser(db: Db, login: string) {
  const user = await users.findUserByLogin(db, login);
  if (!user) throw new UserInputError('not_found', `No user "${login}".`);
  return user;
}

/** The household must always keep one admin who can sign in. */
async function assertNotLastAdmin(db: Db, user: { role: UserRole; is_active: boolean }): Promise<void> {
  if (user.role === 'admin' && user.is_active && (await users.countAdmins(db)) <= 1) {
    throw new UserInputError('last_admin', 'That is the only active admin; make another admin first.');
  }
}

export async function setUserActive(deps: UserServiceDeps, login: string, active: boolean): Promise<PublicUser> {
  const user = await requireUser(deps.db, login);
  if (!active) await assertNotLastAdmin(deps.db, user);
  const updated = await users.updateUser(deps.db, user.id, { is_active: active });
  if (!active) await deps.revokeSessions?.(user.id, 'account disabled');
  return updated!;
}

export async function setUserRole(deps: UserServiceDeps, login: string, role: UserRole): Promise<PublicUser> {
  const user = await requireUser(deps.db, login);
  if (role !== 'admin') await assertNotLastAdmin(deps.db, user);
  return (await users.updateUser(deps.db, user.id, { role }))!;
}

export async function resetPassword(deps: UserServiceDeps, login: string, password: string): Promise<PublicUser> {
  const user = await requireUser(deps.db, login);
  assertStrongPassword(password);
  const updated = await users.updateUser(deps.db, user.id, { password_hash: await hashPassword(password) });
  await deps.revokeSessions?.(user.id, 'password reset');
  return updated!;
}
