import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/database/database';
import { newId } from '../platform/ids/ids';
import { companies, users, type UserRole } from './identity.schema';
import { hashPassword } from './passwords';

export interface DemoAccount {
  /** The user's id, so the composition root can hand it to other modules' seeds. */
  id: string;
  email: string;
  role: UserRole;
  password: string;
  /** The operator's company (the demo station's owner); absent for the other roles. */
  companyId?: string;
}

const ACCOUNTS: { email: string; role: UserRole; firstName: string }[] = [
  { email: 'admin@tender.local', role: 'ADMIN', firstName: 'Ada' },
  { email: 'merchant@tender.local', role: 'MERCHANT', firstName: 'Mira' },
  { email: 'customer@tender.local', role: 'USER', firstName: 'Cody' },
  { email: 'operator@tender.local', role: 'OPERATOR', firstName: 'Otto' },
];

/**
 * Demo accounts on the first start of an empty database: an admin, a merchant, a customer and an
 * operator with a company. Passwords are random per install, returned once for printing and kept in
 * DATA_DIR/demo-credentials.txt (owner-only) — never a fixed password that ships in the repo.
 * Returns undefined when the database already has users.
 */
export async function seedDemoData(
  database: Database,
  clock: Clock,
  dataDir: string,
): Promise<DemoAccount[] | undefined> {
  const now = clock.now();
  const accounts = ACCOUNTS.map((a) => ({
    ...a,
    id: newId('user', now.getTime()),
    password: randomBytes(9).toString('base64url'),
  }));
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  const companyId = newId('company', now.getTime());
  const seeded = await database.db.transaction(async (tx) => {
    // One seeder at a time, and only into an empty database.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7246632)`);
    const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(users);
    if (n > 0) return false;
    await tx
      .insert(companies)
      .values({ id: companyId, name: 'Demo Charging Co', createdAt: now, updatedAt: now });
    await tx.insert(users).values(
      accounts.map((a, i) => ({
        id: a.id,
        email: a.email,
        passwordHash: hashes[i]!,
        role: a.role,
        firstName: a.firstName,
        lastName: 'Demo',
        companyId: a.role === 'OPERATOR' ? companyId : null,
        createdAt: now,
        updatedAt: now,
      })),
    );
    return true;
  });
  if (!seeded) return undefined;
  const lines = accounts.map((a) => `${a.role.padEnd(9)} ${a.email.padEnd(24)} ${a.password}`);
  await writeFile(join(dataDir, 'demo-credentials.txt'), `${lines.join('\n')}\n`, { mode: 0o600 });
  return accounts.map(({ id, email, role, password }) => ({
    id,
    email,
    role,
    password,
    ...(role === 'OPERATOR' ? { companyId } : {}),
  }));
}
