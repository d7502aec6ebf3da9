import { sql } from 'kysely';
import type { Db } from '../db/createDb.js';
import type { NewUser, User, UserRole } from '../db/schema.js';

export type PublicUser = Omit<User, 'password_hash'>;

const publicColumns = [
  'id',
  'username',
  'email',
  'full_name',
  'role',
  'is_active',
  'last_login_at',
  'created_at',
  'updated_at',
] as const;

export async function insertUser(db: Db, user: NewUser): Promise<PublicUser> {
  return db.insertInto('users').values(user).returning(publicColumns).executeTakeFirstOrThrow();
}

/** Sign-in accepts a username or an email, case-insensitively. */
export async function findUserByLogin(db: Db, login: string): Promise<User | undefined> {
  const lowered = login.toLowerCase();
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb.or([eb(sql`lower(username)`, '=', lowered), eb(sql`lower(email)`, '=', lowered)]))
    .executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<PublicUser | undefined> {
  return db.selectFrom('users').select(publicColumns).where('id', '=', id).executeTakeFirst();
}

export async function findUserWithHashById(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Db): Promise<PublicUser[]> {
  return db
    .selectFrom('users')
    .select(publicColumns)
    .orderBy(sql`lower(username)`)
    .execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function countAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('role', '=', 'admin')
    .where('is_active', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

type UserChange = { is_active: boolean } | { role: UserRole } | { password_hash: string };

export async function updateUser(db: Db, id: string, change: UserChange): Promise<PublicUser | undefined> {
  return db
    .updateTable('users')
    .set({ ...change, updated_at: new Date() })
    .where('id', '=', id)
    .returning(publicColumns)
    .executeTakeFirst();
}

export async function recordLogin(db: Db, id: string): Promise<void> {
  await db.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', id).execute();
}
