import type { Db } from '@keepsake/database';
import type { KeyStore } from '@keepsake/vault';
import type { AuditEntry } from '../audit/AuditLog.js';

/** Who asks: a signed-in person, or the admin CLI (no user, admin rights). */
export interface TrashActor {
  userId: string | null;
  role: 'admin' | 'member';
}

/** What the trash services need; the routes and the admin CLI each pass their own. */
export interface TrashDeps {
  db: Db;
  keyStore: KeyStore;
  assetsDir: string;
  trashDays: number;
  /** Records audit entries (the route's request.audit fills in user and address; the CLI writes them). */
  audit(entries: AuditEntry[]): void | Promise<void>;
  warn(details: Record<string, unknown>, message: string): void;
}
