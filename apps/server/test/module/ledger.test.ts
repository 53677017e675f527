import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerHistory, LedgerModule, LedgerService, type EntryInput } from '../../src/ledger';
import { ManualClock } from '../../src/platform/clock';
import { newId } from '../../src/platform/ids/ids';
import { WalletHistory } from '../../src/wallet/wallet-history';
import { moduleHarness, type ModuleHarness } from './harness';

/**
 * The ledger as a Nest module on real PostgreSQL, no HTTP: idempotent posting, and the history
 * the wallet's GET /wallet/transactions is built on (pages, balances, filters by kind, direction
 * and metadata), with the wallet's own mapping of its types onto those filters.
 */
describe('ledger module (no HTTP)', () => {
  let h: ModuleHarness;
  let ledger: LedgerService;
  let history: LedgerHistory;
  // Postings are ordered by id, which carries the clock's millisecond: one tick per entry.
  const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));

  beforeAll(async () => {
    h = await moduleHarness([LedgerModule], { clock, env: { JOBS_WORKERS: '0' } });
    ledger = h.get(LedgerService);
    history = h.get(LedgerHistory);
  });
  afterAll(() => h?.close());

  async function wallets() {
    const ids = [newId('user'), newId('user')];
    for (const id of ids)
      await h.sql(`INSERT INTO users (id, email) VALUES ($1, $2)`, [id, `${id}@example.com`]);
    return h.runtime.database.db.transaction(async (t) => ({
      buyer: (await ledger.wallet(t, ids[0]!, 'USER_WALLET', 'usd')).id,
      merchant: (await ledger.wallet(t, ids[1]!, 'MERCHANT_WALLET', 'usd')).id,
      clearing: await ledger.platformId(t, 'PROVIDER_CLEARING', 'usd'),
      payouts: await ledger.platformId(t, 'PAYOUT_CLEARING', 'usd'),
    }));
  }
  const post = (input: EntryInput) => {
    clock.advance(1000);
    return h.runtime.database.db.transaction((t) => ledger.postOnce(t, input));
  };
  const balance = async (id: string) =>
    (
      await h.sql<{ balance: bigint }>('SELECT balance FROM ledger_accounts WHERE id = $1', [id])
    )[0]!.balance;

  it('an idempotency key posted again returns the first entry and books nothing more', async () => {
    const w = await wallets();
    const deposit = (description: string): EntryInput => ({
      kind: 'DEPOSIT',
      reference: { type: 'payment', id: 'pay_idem' },
      description,
      idempotencyKey: `deposit:pay_idem:${w.buyer}`,
      lines: [
        { accountId: w.clearing, amount: -500n },
        { accountId: w.buyer, amount: 500n },
      ],
    });
    const first = await post(deposit('Card deposit'));
    const again = await post(deposit('Card deposit, retried'));
    expect(first.posted).toBe(true);
    expect(again).toMatchObject({ posted: false, entry: { id: first.entry.id } });
    expect(await balance(w.buyer)).toBe(500n);
    const entries = await h.sql('SELECT id FROM journal_entries WHERE idempotency_key = $1', [
      `deposit:pay_idem:${w.buyer}`,
    ]);
    expect(entries).toEqual([{ id: first.entry.id }]);
    // Concurrent replays agree on the one entry too.
    const racing = await Promise.all(Array.from({ length: 5 }, () => post(deposit('race'))));
    expect(new Set(racing.map((r) => r.entry.id))).toEqual(new Set([first.entry.id]));
    expect(racing.every((r) => !r.posted)).toBe(true);
    expect(await balance(w.buyer)).toBe(500n);
  });

  it('history: newest first in pages, balances before and after, filters by kind, direction and metadata', async () => {
    const w = await wallets();
    const from = clock.now();
    await post({
      kind: 'DEPOSIT',
      reference: { type: 'payment', id: 'pay_h1' },
      description: 'Card deposit',
      lines: [
        { accountId: w.clearing, amount: -10_000n },
        { accountId: w.buyer, amount: 10_000n },
      ],
    });
    await post({
      kind: 'PAYMENT',
      reference: { type: 'order', id: 'ord_h1' },
      description: 'Order',
      lines: [
        { accountId: w.buyer, amount: -3_000n },
        { accountId: w.merchant, amount: 3_000n },
      ],
    });
    await post({
      kind: 'WITHDRAWAL',
      reference: { type: 'withdrawal', id: 'wdr_h1' },
      description: 'Withdrawal',
      lines: [
        { accountId: w.buyer, amount: -2_000n },
        { accountId: w.payouts, amount: 2_000n },
      ],
    });
    clock.advance(500);
    const between = clock.now(); // after the withdrawal, before its reversal
    await post({
      kind: 'REVERSAL',
      reference: { type: 'withdrawal', id: 'wdr_h1' },
      description: 'Withdrawal refused: money returned',
      metadata: { reverses: 'WITHDRAWAL' },
      lines: [
        { accountId: w.payouts, amount: -2_000n },
        { accountId: w.buyer, amount: 2_000n },
      ],
    });
    await post({
      kind: 'REVERSAL',
      reference: { type: 'order', id: 'ord_h1' },
      description: 'Order refunded',
      lines: [
        { accountId: w.merchant, amount: -3_000n },
        { accountId: w.buyer, amount: 3_000n },
      ],
    });

    // Walk the buyer's history two at a time.
    const seen: {
      kind: string;
      amount: bigint;
      before: bigint;
      after: bigint;
      reversed: boolean;
    }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await history.list(w.buyer, {}, { limit: 2, startingAfter: cursor });
      pages += 1;
      for (const i of page.items)
        seen.push({
          kind: i.kind,
          amount: i.amount,
          before: i.balanceBefore,
          after: i.balanceAfter,
          reversed: i.reversed,
        });
      expect(page.nextCursor).toBe(page.hasMore ? page.items.at(-1)!.postingId : null);
      if (!page.hasMore) break;
      cursor = page.nextCursor!;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([
      { kind: 'REVERSAL', amount: 3_000n, before: 7_000n, after: 10_000n, reversed: false },
      { kind: 'REVERSAL', amount: 2_000n, before: 5_000n, after: 7_000n, reversed: false },
      { kind: 'WITHDRAWAL', amount: -2_000n, before: 7_000n, after: 5_000n, reversed: true },
      { kind: 'PAYMENT', amount: -3_000n, before: 10_000n, after: 7_000n, reversed: true },
      { kind: 'DEPOSIT', amount: 10_000n, before: 0n, after: 10_000n, reversed: false },
    ]);

    const kinds = async (filter: Parameters<LedgerHistory['list']>[1], account = w.buyer) =>
      (await history.list(account, filter, { limit: 10 })).items.map(
        (i) => `${i.kind} ${i.amount}`,
      );
    expect(await kinds({ matches: [{ kind: 'PAYMENT', direction: 'debit' }] })).toEqual([
      'PAYMENT -3000',
    ]);
    expect(await kinds({ matches: [{ kind: 'PAYMENT', direction: 'credit' }] })).toEqual([]);
    expect(
      await kinds({ matches: [{ kind: 'PAYMENT', direction: 'credit' }] }, w.merchant),
    ).toEqual(['PAYMENT 3000']);
    expect(
      await kinds({ matches: [{ kind: 'REVERSAL', metadata: { reverses: 'WITHDRAWAL' } }] }),
    ).toEqual(['REVERSAL 2000']);
    expect(await kinds({ matches: [{ kind: 'REVERSAL', metadata: { reverses: null } }] })).toEqual([
      'REVERSAL 3000',
    ]);
    expect(await kinds({ from: between })).toEqual(['REVERSAL 3000', 'REVERSAL 2000']);
    expect(await kinds({ from, to: between })).toEqual([
      'WITHDRAWAL -2000',
      'PAYMENT -3000',
      'DEPOSIT 10000',
    ]);

    // The wallet's types through the same filters: a withdrawal with its reversal, a refund.
    const wallet = new WalletHistory(history);
    const types = async (type: 'WITHDRAWAL' | 'REFUND' | 'PAYMENT' | 'EARNING' | 'DEPOSIT') =>
      (await wallet.list(w.buyer, { limit: 10, type })).data.map(
        (t) => `${t.type} ${t.status} ${t.amount}`,
      );
    expect(await types('WITHDRAWAL')).toEqual([
      'WITHDRAWAL REVERSED 2000',
      'WITHDRAWAL REVERSED -2000',
    ]);
    expect(await types('REFUND')).toEqual(['REFUND REVERSED 3000']);
    expect(await types('PAYMENT')).toEqual(['PAYMENT REVERSED -3000']);
    expect(await types('EARNING')).toEqual([]);
    expect(await types('DEPOSIT')).toEqual(['DEPOSIT COMPLETED 10000']);
  });
});
