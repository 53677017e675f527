import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PaymentsService } from '../../src/payments/payments.service';
import type { Clock } from '../../src/platform/clock';
import { AppError } from '../../src/platform/errors/app-error';
import {
  allWebhooksApplied,
  eventually,
  paymentsHarness,
  told,
  type PaymentsHarness,
} from './harness';

/**
 * Holds as EV charging uses them, through PaymentsService over HTTP against the sandbox: a hold
 * raised by incremental authorization, captured in part, refused past `captureBefore`.
 */
describe('payments core: holds (incremental authorization, partial capture, expiry)', () => {
  let h: PaymentsHarness;
  // Tender's clock: real time, shifted by hand past a hold's captureBefore without the sandbox
  // knowing (a frozen clock would stall the job queue).
  const clock = new (class implements Clock {
    shift = 0;
    now = () => new Date(Date.now() + this.shift);
  })();
  const hold = (amount: number, paymentMethodId = 'pm_card_visa', incremental = true) =>
    h.api.post(
      '/test/payments/card',
      {
        paymentMethodId,
        amount,
        captureMethod: 'MANUAL',
        incrementalAuthorization: incremental,
      },
      h.user.accessToken,
    );
  const increment = (id: string, amount: number) =>
    h.api.post(`/test/payments/${id}/increment`, { amount }, h.user.accessToken);
  const capture = (id: string, amount?: number) =>
    h.api.post(
      `/test/payments/${id}/capture`,
      amount === undefined ? {} : { amount },
      h.user.accessToken,
    );
  const transitions = async (id: string) =>
    (
      await h.app.runtime.database.pool.query(
        'SELECT from_status, to_status, from_amount, to_amount, cause FROM payment_transitions WHERE payment_id = $1 ORDER BY id',
        [id],
      )
    ).rows;
  const sandboxIntent = async (id: string) => {
    const res = await fetch(`${h.sandbox}/v1/payment_intents/${id}?expand[]=latest_charge`, {
      headers: { authorization: 'Bearer sk_test_tender' },
    });
    return (await res.json()) as Record<string, unknown> & {
      amount: number;
      status: string;
      latest_charge: { amount_refunded: number; amount_captured: number };
    };
  };

  beforeAll(async () => {
    h = await paymentsHarness({}, { clock });
  });
  afterAll(() => h?.app.close());
  beforeEach(() => {
    told.length = 0;
  });

  it('a hold asked to be incrementable says so and when it lapses; raising it records the amount change', async () => {
    const res = await hold(2000);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'AUTHORIZED',
      amount: 2000,
      amountCapturable: 2000,
      incrementalAuthorization: true,
    });
    const lapses = Date.parse(res.body.captureBefore) - Date.now();
    expect(lapses).toBeGreaterThan(6 * 86_400_000);
    expect(lapses).toBeLessThanOrEqual(7 * 86_400_000 + 60_000);

    const raised = await increment(res.body.id, 3500);
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({
      status: 'AUTHORIZED',
      amount: 3500,
      amountCapturable: 3500,
      incrementalAuthorization: true,
    });
    expect((await sandboxIntent(res.body.providerIntentId)).amount).toBe(3500);
    // A replay (same payment, same total) is one increment.
    const again = await increment(res.body.id, 3500);
    expect(again.body).toMatchObject({ amount: 3500, amountCapturable: 3500 });
    expect(await transitions(res.body.id)).toEqual([
      {
        from_status: 'CREATED',
        to_status: 'AUTHORIZED',
        from_amount: null,
        to_amount: null,
        cause: 'api',
      },
      {
        from_status: 'AUTHORIZED',
        to_status: 'AUTHORIZED',
        from_amount: 2000n,
        to_amount: 3500n,
        cause: 'api',
      },
    ]);
    // An amount change is no status change: the payable hears nothing new.
    expect(told.map((e) => e.type)).toEqual(['payment.authorized']);
    // The provider's own events for the increment converge to the same row.
    await allWebhooksApplied(h.app);
    const admin = await h.api.get(
      `/api/v1/admin/payments/${res.body.id}/transitions`,
      h.admin.accessToken,
    );
    expect(admin.body.data).toHaveLength(2);
    expect(admin.body.data[1]).toMatchObject({ fromAmount: 2000, toAmount: 3500 });

    // Captured above the original hold, below the raised one: the rest is released, not refunded.
    const captured = await capture(res.body.id, 3000);
    expect(captured.body).toMatchObject({
      status: 'SUCCEEDED',
      amount: 3500,
      amountCaptured: 3000,
      amountCapturable: 0,
      amountRefunded: 0,
    });
    await allWebhooksApplied(h.app);
    const after = await h.api.get(`/api/v1/payments/${res.body.id}`, h.user.accessToken);
    expect(after.body).toMatchObject({
      status: 'SUCCEEDED',
      amountCaptured: 3000,
      amountRefunded: 0,
    });
    expect((await sandboxIntent(res.body.providerIntentId)).latest_charge).toMatchObject({
      amount_captured: 3000,
      amount_refunded: 500,
    });
  });

  it('refusals leave the hold authorized at its old amount, with a clear code', async () => {
    const res = await hold(2000);
    for (const amount of [1500, 100_000_000]) {
      const out = await increment(res.body.id, amount);
      expect(out.status).toBe(400);
      expect(out.body.error.code).toBe('amount_out_of_range');
    }

    const notAsked = await hold(2000, 'pm_card_visa', false);
    expect(notAsked.body.incrementalAuthorization).toBe(false);
    const jcb = await hold(2000, 'pm_card_jcb');
    expect(jcb.body.incrementalAuthorization).toBe(false);
    for (const p of [notAsked.body, jcb.body]) {
      const refused = await increment(p.id, 2500);
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('increment_unavailable');
    }

    const declining = await hold(2000, 'pm_card_incrementDeclined');
    expect(declining.body.incrementalAuthorization).toBe(true);
    const declined = await increment(declining.body.id, 2600);
    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({
      type: 'card_error',
      code: 'increment_declined',
      decline_code: 'generic_decline',
    });
    const still = await h.api.get(`/api/v1/payments/${declining.body.id}`, h.user.accessToken);
    expect(still.body).toMatchObject({
      status: 'AUTHORIZED',
      amount: 2000,
      amountCapturable: 2000,
    });
    expect(told.filter((e) => e.type === 'payment.failed')).toEqual([]);

    // Ten increments are allowed; the provider refuses the 11th.
    for (let i = 1; i <= 10; i++) expect((await increment(res.body.id, 2000 + i)).status).toBe(201);
    const eleventh = await increment(res.body.id, 2100);
    expect(eleventh.status).toBe(409);
    expect(eleventh.body.error.code).toBe('increment_unavailable');
    const held = await h.api.get(`/api/v1/payments/${res.body.id}`, h.user.accessToken);
    expect(held.body).toMatchObject({ status: 'AUTHORIZED', amount: 2010, amountCapturable: 2010 });

    const done = await capture(declining.body.id);
    expect(done.body).toMatchObject({ status: 'SUCCEEDED', amountCaptured: 2000 });
    const afterCapture = await increment(declining.body.id, 3000);
    expect(afterCapture.status).toBe(409);
    expect(afterCapture.body.error.code).toBe('payment_not_capturable');
  });

  it('a capture above what is held is refused before any provider call', async () => {
    const res = await hold(2000);
    // The next call to the provider would fail: if Tender made one, the fault would be used up.
    await h.control('faults', { type: 'api_error', count: 1 });
    const tooMuch = await capture(res.body.id, 2001);
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error.code).toBe('amount_out_of_range');
    const probe = await fetch(`${h.sandbox}/v1/payment_intents/${res.body.providerIntentId}`, {
      headers: { authorization: 'Bearer sk_test_tender' },
    });
    expect(probe.status).toBe(500);
    expect((await capture(res.body.id, 1200)).body).toMatchObject({
      status: 'SUCCEEDED',
      amountCaptured: 1200,
      amountRefunded: 0,
    });
  });

  it('past captureBefore (Tender’s clock) capture and increment are refused without calling the provider', async () => {
    const res = await hold(2000);
    // Called on the facade itself: bearer tokens would not survive a week's shift of the clock.
    const payments = h.app.running.app.get(PaymentsService);
    clock.shift = Date.parse(res.body.captureBefore) + 1000 - Date.now();
    try {
      for (const call of [
        () => payments.capture(res.body.id),
        () => payments.incrementAuthorization(res.body.id, 2500n),
      ]) {
        const err = await call().catch((e: unknown) => e);
        expect(err).toBeInstanceOf(AppError);
        expect(err).toMatchObject({ status: 409, code: 'authorization_expired' });
      }
    } finally {
      clock.shift = 0;
    }
    // The provider still holds it (its clock did not move): nothing was captured or raised there.
    expect(await sandboxIntent(res.body.providerIntentId)).toMatchObject({
      status: 'requires_capture',
      amount: 2000,
    });
  });

  it('when the provider lets the hold lapse, the payment is cancelled and can no longer be captured', async () => {
    const res = await hold(2000);
    await h.control('clock/advance', { to: Math.ceil(Date.parse(res.body.captureBefore) / 1000) });
    await eventually(async () => {
      const p = await h.api.get(`/api/v1/payments/${res.body.id}`, h.user.accessToken);
      expect(p.body).toMatchObject({ status: 'CANCELLED', amountCapturable: 0, amountRefunded: 0 });
    });
    // (The advance lapses every earlier test's hold too: only this payment's events count.)
    expect(told.filter((e) => e.payment.id === res.body.id).map((e) => e.type)).toEqual([
      'payment.authorized',
      'payment.canceled',
    ]);
    const refused = await capture(res.body.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('payment_not_capturable');
  });
});
