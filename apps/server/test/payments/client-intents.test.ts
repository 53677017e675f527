import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/platform/errors/app-error';
import { PayablesRegistry } from '../../src/payments/payables-registry';
import { PaymentsModule } from '../../src/payments/payments.module';
import { bootTestApp, client, register, type TestApp } from '../helpers';

/**
 * The payments core's client-confirmed intents, through a stand-in payable whose amount the test
 * changes: it plugs into `POST /payments/create-intent` by the registry's `orderId` field (which no
 * real payable uses yet), as orders will.
 */
const amounts = new Map<string, bigint>();
const owners = new Map<string, string>();

@Injectable()
class QuotedPayable implements OnModuleInit {
  constructor(private readonly registry: PayablesRegistry) {}
  onModuleInit() {
    this.registry.register('quoted', () => Promise.resolve());
    this.registry.registerIntentSource('orderId', 'quoted', (payer, id) => {
      const amount = amounts.get(id);
      if (amount === undefined || owners.get(id) !== payer.id)
        return Promise.reject(AppError.notFound('order', id));
      return Promise.resolve({ amount, currency: 'usd' });
    });
  }
}

@Module({ imports: [PaymentsModule], providers: [QuotedPayable] })
class QuotedPayableModule {}

describe('payments core: client-confirmed intents', () => {
  let app: TestApp;
  let api: ReturnType<typeof client>;
  let sdk: Stripe;
  beforeAll(async () => {
    app = await bootTestApp({}, { extraModules: [QuotedPayableModule] });
    api = client(app.url);
    sdk = new Stripe('sk_test_client_intents', {
      host: '127.0.0.1',
      port: Number(new URL(app.running.sandboxUrl!).port),
      protocol: 'http',
      maxNetworkRetries: 0,
    });
  });
  afterAll(() => app?.close());

  it('the same open intent while the amount stands; a new one when it changes, the old one cancelled', async () => {
    const payer = await register(api);
    amounts.set('ord_q1', 1_000n);
    owners.set('ord_q1', payer.user.id);
    const ask = () =>
      api.post('/api/v1/payments/create-intent', { orderId: 'ord_q1' }, payer.accessToken);

    const first = await ask();
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ amount: 1_000, currency: 'usd', status: 'CREATED' });
    expect((await ask()).body.paymentIntentId).toBe(first.body.paymentIntentId);

    amounts.set('ord_q1', 1_250n);
    const second = await ask();
    expect(second.body.amount).toBe(1_250);
    expect(second.body.paymentIntentId).not.toBe(first.body.paymentIntentId);
    expect((await sdk.paymentIntents.retrieve(first.body.paymentIntentId)).status).toBe('canceled');
    expect((await sdk.paymentIntents.retrieve(second.body.paymentIntentId)).amount).toBe(1_250);
    const rows = await app.runtime.database.pool.query<{ status: string; amount: string }>(
      `SELECT status, amount::text FROM payments WHERE payable_id = 'ord_q1' ORDER BY id`,
    );
    expect(rows.rows).toEqual([
      { status: 'CANCELLED', amount: '1000' },
      { status: 'CREATED', amount: '1250' },
    ]);
    expect((await ask()).body.paymentIntentId).toBe(second.body.paymentIntentId);

    // The intent, read server-side by its payer; nobody else sees it.
    const read = await api.get(
      `/api/v1/payments/intent/${second.body.paymentIntentId}`,
      payer.accessToken,
    );
    expect(read.body).toMatchObject({ status: 'CREATED', amount: 1_250, payableType: 'quoted' });
    const stranger = await register(api);
    expect(
      (
        await api.get(
          `/api/v1/payments/intent/${second.body.paymentIntentId}`,
          stranger.accessToken,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await api.post(
          '/api/v1/payments/create-intent',
          { orderId: 'ord_q1' },
          stranger.accessToken,
        )
      ).status,
    ).toBe(404);
    expect((await api.get('/api/v1/payments/intent/not-an-intent', payer.accessToken)).status).toBe(
      400,
    );
  });

  it('a client-confirmed intent waiting for its payer is not abandoned by reconciliation', async () => {
    const payer = await register(api);
    amounts.set('ord_q2', 700n);
    owners.set('ord_q2', payer.user.id);
    const res = await api.post(
      '/api/v1/payments/create-intent',
      { orderId: 'ord_q2' },
      payer.accessToken,
    );
    // Long past the abandon threshold, as reconciliation sees it.
    await app.runtime.database.pool.query(
      `UPDATE payments SET created_at = now() - interval '1 hour', updated_at = now() - interval '1 hour'
       WHERE payable_id = 'ord_q2'`,
    );
    const admin = await register(api);
    await app.runtime.database.pool.query(`UPDATE users SET role = 'ADMIN' WHERE id = $1`, [
      admin.user.id,
    ]);
    expect(
      (await api.post('/api/v1/admin/payments/reconcile', {}, admin.accessToken)).status,
    ).toBeLessThan(300);
    const { rows } = await app.runtime.database.pool.query<{ status: string }>(
      `SELECT status FROM payments WHERE payable_id = 'ord_q2'`,
    );
    expect(rows).toEqual([{ status: 'CREATED' }]);
    expect((await sdk.paymentIntents.retrieve(res.body.paymentIntentId)).status).toBe(
      'requires_payment_method',
    );
  });
});
