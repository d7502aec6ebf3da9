import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@keepsake/database';
import { createTestDatabase, type TestDatabase } from '@keepsake/testkit';
import { verifyPassword } from '../users/passwordHash.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

describe('npm run user', () => {
  let t: TestDatabase;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    t = await createTestDatabase();
    env = { ...process.env, DATABASE_URL: t.url, REDIS_PREFIX: `test:${randomUUID()}:`, LOG_LEVEL: 'silent' };
  });
  afterAll(() => t.drop());

  /** The real command, as a person types it, with the password piped in. */
  function user(args: string[], stdin?: string) {
    const child = run('npm', ['run', '-s', 'user', '--', ...args], { cwd: repoRoot, env });
    if (stdin !== undefined) child.child.stdin!.end(stdin);
    return child;
  }

  it('creates a user whose password then checks out against the stored argon2id hash', async () => {
    const { stdout } = await user(
      ['create', '--username', 'mum', '--email', 'mum@example.com', '--name', 'Mum', '--admin', '--password-stdin'],
      'Kitchen#Table7\n',
    );
    expect(stdout).toContain('Created mum <mum@example.com> Mum — admin, active');

    const stored = await users.findUserByLogin(t.db, 'MUM@example.com');
    expect(stored?.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored!.password_hash, 'Kitchen#Table7')).toBe(true);
    expect(await verifyPassword(stored!.password_hash, 'kitchen#table7')).toBe(false);
  });

  it('refuses a weak password with the policy message and creates nothing', async () => {
    const attempt = user(
      ['create', '--username', 'dad', '--email', 'dad@example.com', '--name', 'Dad', '--password-stdin'],
      'password\n',
    );
    await expect(attempt).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'Password is too weak: it needs an uppercase letter, a digit and a special character',
      ),
    });
    expect(await users.findUserByLogin(t.db, 'dad')).toBeUndefined();
  });

  it('never takes a password from a pipe it was not told about', async () => {
    const attempt = user(['create', '--username', 'kid', '--email', 'kid@example.com', '--name', 'Kid'], '');
    await expect(attempt).rejects.toMatchObject({ stderr: expect.stringContaining('--password-stdin') });
  });

  it('lists, disables, enables, changes roles and resets passwords', async () => {
    await user(
      ['create', '--username', 'gran', '--email', 'gran@example.com', '--name', 'Gran', '--password-stdin'],
      'Knitting!Needles9',
    );
    expect((await user(['list'])).stdout).toMatch(/gran <gran@example.com> Gran — member, active/);

    await user(['disable', 'gran']);
    expect((await users.findUserByLogin(t.db, 'gran'))?.is_active).toBe(false);
    await user(['enable', 'gran']);
    expect((await users.findUserByLogin(t.db, 'gran'))?.is_active).toBe(true);

    await user(['set-role', 'gran', 'admin']);
    expect((await users.findUserByLogin(t.db, 'gran'))?.role).toBe('admin');

    await user(['reset-password', 'gran', '--password-stdin'], 'Crochet&Hook42');
    const stored = await users.findUserByLogin(t.db, 'gran');
    expect(await verifyPassword(stored!.password_hash, 'Crochet&Hook42')).toBe(true);
  });

  it('keeps at least one active admin', async () => {
    // `user`, the design document's word, is stored as member.
    await user(['set-role', 'gran', 'user']);
    expect((await users.findUserByLogin(t.db, 'gran'))?.role).toBe('member');
    await expect(user(['disable', 'mum'])).rejects.toMatchObject({
      stderr: expect.stringContaining('only active admin'),
    });
  });

  it('answers --help', async () => {
    expect((await user(['--help'])).stdout).toContain('create');
    expect((await user(['create', '--help'])).stdout).toContain('--password-stdin');
  });
});
