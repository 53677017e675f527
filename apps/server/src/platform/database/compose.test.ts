import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { Pool } from 'pg';
import { describe, expect, it } from 'vitest';
import { money, ts } from './columns';
import { insertFrom, PreparedStatement, rowFrom, rowValues, slot } from './compose';

/** A table shaped like a domain one (the platform knows no domain's tables). */
const orders = pgTable('orders', {
  id: text('id').primaryKey(),
  amount: money('amount').notNull(),
  quantity: integer('quantity').notNull(),
  metadata: jsonb('metadata').$type<Record<string, string>>().notNull(),
  paymentId: text('payment_id'),
  idempotencyKey: text('idempotency_key'),
  completedAt: ts('completed_at'),
  createdAt: ts('created_at').notNull(),
});

/** A pool that only records what it was asked to run. */
function recordingPool(rows: Record<string, unknown>[] = []) {
  const calls: { name: string; text: string; values: unknown[] }[] = [];
  const pool = {
    query: (q: { name: string; text: string; values: unknown[] }) => {
      calls.push(q);
      return Promise.resolve({ rows });
    },
  } as unknown as Pool;
  return { pool, calls };
}

const COLUMNS = ['id', 'amount', 'metadata', 'completedAt', 'idempotencyKey'] as const;

describe('composed statements', () => {
  it('insertFrom casts each slot to its column type; rowValues encodes as the columns do', async () => {
    const statement = new PreparedStatement(
      'test_insert',
      sql`WITH src AS (SELECT 1) ${insertFrom(orders, COLUMNS, 'src', 'o_')}`,
    );
    const { pool, calls } = recordingPool();
    const at = new Date('2026-11-23T08:00:00.000Z');
    const values = rowValues(
      orders,
      COLUMNS,
      {
        id: 'ord_1',
        quantity: 1,
        amount: 12_345_678_901_234n,
        createdAt: at,
        metadata: { a: 'b' },
        completedAt: at,
        idempotencyKey: null,
      },
      'o_',
    );
    await statement.run(pool, values);
    expect(calls[0]!.name).toBe('test_insert');
    expect(calls[0]!.text).toMatch(
      /INSERT INTO "orders" \("id", "amount", "metadata", "completed_at", "idempotency_key"\)\s+SELECT \$1::text, \$2::bigint, \$3::jsonb, \$4::timestamp with time zone, \$5::text FROM "src"/,
    );
    // bigint as a bigint (the driver writes its exact digits), jsonb as JSON text, a null stays a
    // null (not the JSON 'null').
    expect(calls[0]!.values).toEqual([
      'ord_1',
      12_345_678_901_234n,
      '{"a":"b"}',
      '2026-11-23T08:00:00.000Z',
      null,
    ]);
  });

  it('refuses to run with a slot left unfilled', async () => {
    const statement = new PreparedStatement('test_slots', sql`SELECT ${slot('a')}, ${slot('b')}`);
    const { pool, calls } = recordingPool();
    await expect(statement.run(pool, { a: 1 })).rejects.toThrow('no value for slot "b"');
    expect(calls).toEqual([]);
  });

  it('rowFrom maps a raw row back to the table type', () => {
    const row = rowFrom(orders, {
      id: 'ord_1',
      amount: '42',
      quantity: 2,
      metadata: { a: 'b' },
      created_at: new Date('2026-11-23T08:00:00.000Z'),
      payment_id: null,
    });
    expect(row).toMatchObject({
      id: 'ord_1',
      amount: 42n,
      quantity: 2,
      metadata: { a: 'b' },
      paymentId: null,
    });
    expect(row.createdAt).toEqual(new Date('2026-11-23T08:00:00.000Z'));
  });
});
