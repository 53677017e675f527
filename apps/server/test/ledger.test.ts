import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerService } from '../src/ledger/ledger.service';
import { verifyLedger } from '../src/books';
import { systemClock } from '../src/platform/clock';
import { openDatabase, type Database } from '../src/platform/database/database';
import { AppError } from '../src/platform/errors/app-error';
import { newId } from '../src/platform/ids/ids';
import { createTestDatabase } from './helpers';

/** The ledger on real PostgreSQL, through a connection pool, concurrency included. */
describe('ledger', () => {
  let drop: () => Promise<void>;
  let database: Database;
  const ledger = new LedgerService(systemClock);

  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    database = openDatabase(db.url, 20);
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  async function user(): Promise<string> {
    const id = newId('user');
    await database.pool.query(`INSERT INTO users (id, email) VALUES ($1, $2)`, [
      id,
      `${id}@example.com`,
    ]);
    return id;
  }

  /** Deposit: provider clearing → wallet. */
  async function fund(userId: string, amount: bigint, currency = 'usd') {
    return database.db.transaction(async (tx) => {
      const wallet = await ledger.wallet(tx, userId, 'USER_WALLET', currency);
      const clearing = await ledger.platform(tx, 'PROVIDER_CLEARING', currency);
      await ledger.post(tx, {
        kind: 'DEPOSIT',
        description: 'Card deposit',
        lines: [
          { accountId: clearing.id, amount: -amount },
          { accountId: wallet.id, amount },
        ],
      });
      return wallet;
    });
  }

  /** A wallet payment: buyer → merchant, less a fee to the platform. */
  function pay(buyer: string, merchant: string, amount: bigint, fee: bigint) {
    return database.db.transaction(async (tx) => {
      const from = await ledger.wallet(tx, buyer, 'USER_WALLET', 'usd');
      const to = await ledger.wallet(tx, merchant, 'MERCHANT_WALLET', 'usd');
      const fees = await ledger.platform(tx, 'PLATFORM_FEES', 'usd');
      return ledger.post(tx, {
        kind: 'PAYMENT',
        reference: { type: 'order', id: newId('payment') },
        description: 'Purchase',
        lines: [
          { accountId: from.id, amount: -amount },
          { accountId: to.id, amount: amount - fee },
          { accountId: fees.id, amount: fee },
        ].filter((l) => l.amount !== 0n),
      });
    });
  }

  const balance = async (accountId: string) =>
    BigInt(
      (await database.pool.query('SELECT balance FROM ledger_accounts WHERE id = $1', [accountId]))
        .rows[0].balance,
    );

  it('posts balanced entries, keeps balances and a chained history', async () => {
    const [buyer, merchant] = [await user(), await user()];
    const wallet = await fund(buyer, 1000n);
    await pay(buyer, merchant, 400n, 20n);
    expect(await balance(wallet.id)).toBe(600n);
    const { rows } = await database.pool.query(
      'SELECT amount, balance_after FROM postings WHERE account_id = $1 ORDER BY position',
      [wallet.id],
    );
    expect(rows.map((r) => [r.amount, r.balance_after])).toEqual([
      [1000n, 1000n],
      [-400n, 600n],
    ]);
    expect(await verifyLedger(database.pool)).toEqual([]);
  });

  it('refuses an overdraft with a 402 and writes nothing', async () => {
    const [buyer, merchant] = [await user(), await user()];
    const wallet = await fund(buyer, 100n);
    const entries = Number(
      (await database.pool.query('SELECT count(*) FROM journal_entries')).rows[0].count,
    );
    const err = await pay(buyer, merchant, 101n, 0n).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(402);
    expect((err as AppError).code).toBe('insufficient_funds');
    expect(await balance(wallet.id)).toBe(100n);
    expect(
      Number((await database.pool.query('SELECT count(*) FROM journal_entries')).rows[0].count),
    ).toBe(entries);
  });

  it('refuses movements on a locked wallet', async () => {
    const [buyer, merchant] = [await user(), await user()];
    const wallet = await fund(buyer, 100n);
    await database.pool.query('UPDATE ledger_accounts SET is_locked = true WHERE id = $1', [
      wallet.id,
    ]);
    const err = await pay(buyer, merchant, 10n, 0n).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('wallet_locked');
    await database.pool.query('UPDATE ledger_accounts SET is_locked = false WHERE id = $1', [
      wallet.id,
    ]);
  });

  it('refuses an unbalanced entry in code and in the database', async () => {
    const buyer = await user();
    const wallet = await fund(buyer, 100n);
    await expect(
      database.db.transaction(async (tx) =>
        ledger.post(tx, {
          kind: 'FEE',
          description: 'x',
          lines: [
            { accountId: wallet.id, amount: -1n },
            { accountId: wallet.id, amount: 2n },
          ],
        }),
      ),
    ).rejects.toThrow(/does not balance/);
    // Even bypassing the service, the deferred trigger refuses it at commit.
    const client = await database.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO journal_entries (id, kind, description) VALUES ('jrn_raw', 'FEE', 'raw')`,
      );
      await client.query(
        `INSERT INTO postings (id, entry_id, account_id, amount, currency, balance_after) VALUES ('pst_raw', 'jrn_raw', $1, 5, 'usd', 105)`,
        [wallet.id],
      );
      await expect(client.query('COMMIT')).rejects.toThrow(/does not balance/);
    } finally {
      client.release();
    }
  });

  it('the database refuses to update or delete journal rows', async () => {
    const buyer = await user();
    await fund(buyer, 50n);
    await expect(database.pool.query('UPDATE postings SET amount = amount * 2')).rejects.toThrow(
      /immutable/,
    );
    await expect(database.pool.query('DELETE FROM journal_entries')).rejects.toThrow(/immutable/);
    await expect(database.pool.query('TRUNCATE postings CASCADE')).rejects.toThrow(/immutable/);
  });

  it('100 concurrent payments from a wallet funded for 30: exactly 30 succeed, invariants hold', async () => {
    const [buyer, merchant] = [await user(), await user()];
    const wallet = await fund(buyer, 3000n);
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () => pay(buyer, merchant, 100n, 5n)),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(30);
    expect(
      refused.every((r) => r.reason instanceof AppError && r.reason.code === 'insufficient_funds'),
    ).toBe(true);
    expect(await balance(wallet.id)).toBe(0n);
    expect(await verifyLedger(database.pool)).toEqual([]);
  });

  it('entries touching the same accounts in opposite orders do not deadlock', async () => {
    const [a, b] = [await user(), await user()];
    await fund(a, 1000n);
    await fund(b, 1000n);
    const transfer = (from: string, to: string) =>
      database.db.transaction(async (tx) => {
        const x = await ledger.wallet(tx, from, 'USER_WALLET', 'usd');
        const y = await ledger.wallet(tx, to, 'USER_WALLET', 'usd');
        await ledger.post(tx, {
          kind: 'PAYMENT',
          description: 't',
          lines: [
            { accountId: x.id, amount: -1n },
            { accountId: y.id, amount: 1n },
          ],
        });
      });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? transfer(a, b) : transfer(b, a))),
    );
    expect(await verifyLedger(database.pool)).toEqual([]);
  });

  it('remembers committed account ids only: an account created by a rolled-back transaction is not reused', async () => {
    const owner = await user();
    const rolledBack = new Error('roll back');
    let lost = '';
    await expect(
      database.db.transaction(async (tx) => {
        lost = await ledger.walletId(tx, owner, 'USER_WALLET', 'usd');
        // Found again in the same transaction: still uncommitted, so still not remembered.
        expect(await ledger.walletId(tx, owner, 'USER_WALLET', 'usd')).toBe(lost);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    const count = async (id: string) =>
      Number(
        (await database.pool.query('SELECT count(*) FROM ledger_accounts WHERE id = $1', [id]))
          .rows[0].count,
      );
    expect(await count(lost)).toBe(0);

    const kept = await database.db.transaction((tx) =>
      ledger.walletId(tx, owner, 'USER_WALLET', 'usd'),
    );
    expect(kept).not.toBe(lost);
    expect(await count(kept)).toBe(1);
    // Committed now: the next lookup is the same id (from memory or the database alike) and the
    // account takes postings.
    await fund(owner, 5n);
    expect(
      await database.db.transaction((tx) => ledger.walletId(tx, owner, 'USER_WALLET', 'usd')),
    ).toBe(kept);
    expect(await balance(kept)).toBe(5n);
  });

  it('verification names the broken rows', async () => {
    const buyer = await user();
    const wallet = await fund(buyer, 70n);
    await database.pool.query('UPDATE ledger_accounts SET balance = balance + 1 WHERE id = $1', [
      wallet.id,
    ]);
    const violations = await verifyLedger(database.pool);
    expect(violations).toEqual([
      {
        invariant: 'every account balance equals the sum of its postings',
        detail: `account ${wallet.id} has balance 71 but postings sum to 70`,
      },
    ]);
    await database.pool.query('UPDATE ledger_accounts SET balance = balance - 1 WHERE id = $1', [
      wallet.id,
    ]);
  });
});
