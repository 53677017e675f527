// Seed 000's payment-link flow over the real API, the simulated OCPP charger and the sandbox's
// hosted checkout: a session started without a hold (a guest's, or a signed-in driver's), its
// link made at the stop, paid on the checkout page, the webhook marking it PAID and booking the
// company's revenue less the fee; links expired and recreated; the admin's refunds; the guest's
// access key; two stops or recreates at once; bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load, submit } from '../../../stripe-sandbox/test/browser';
import { verifyLedger } from '../../src/books';
import { bootTestApp, type TestApp } from '../helpers';
import { eventually } from '../payments/harness';
import { control, sandboxSdk } from '../wallet/fixture';
import { chargingActors } from './fixture';
import { sessionsFixture } from './session-fixture';

describe('seed 000: sessions paid by a payment link', () => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof chargingActors>>;
  let f: ReturnType<typeof sessionsFixture>;

  beforeAll(async () => {
    app = await bootTestApp({
      JOBS_POLL_INTERVAL_SECONDS: '0.5',
      CHARGING_FEE_BPS: '1000',
      CHARGING_HOLD_HEADROOM_SECONDS: '10',
      RETURN_RATE_LIMIT_PER_MINUTE: '10000',
    });
    a = await chargingActors(app);
    f = sessionsFixture(app, a);
  });
  afterAll(async () => {
    await f?.close();
    await app?.close();
  });

  type Opts = { key?: string; token?: string; body?: unknown; idem?: string };
  const call = (method: string, path: string, o: Opts = {}) =>
    a.api.call(method, path, {
      ...(o.body !== undefined ? { body: o.body } : {}),
      ...(o.token ? { token: o.token } : {}),
      headers: {
        ...(o.key !== undefined ? { 'x-session-key': o.key } : {}),
        ...(o.idem ? { 'idempotency-key': o.idem } : {}),
      },
    });
  let keys = 0;
  const start = (connectorId: string, o: Opts & { payment?: object; email?: string } = {}) =>
    call('POST', '/api/v1/session/start', {
      ...o,
      idem: o.idem ?? `link-start-${process.pid}-${++keys}`,
      body: {
        connectorId,
        payment: o.payment ?? { type: 'link', method: 'card' },
        ...(o.email ? { email: o.email } : {}),
      },
    });
  const session = (id: string, o: Opts) => call('GET', `/api/v1/session/${id}`, o);
  const stop = (id: string, o: Opts) =>
    call('POST', '/api/v1/session/stop', { ...o, body: { sessionId: id } });
  const link = (id: string, o: Opts) => call('GET', `/api/v1/payment/link/${id}`, o);
  const recreate = (id: string, o: Opts & { method?: string }) =>
    call('POST', '/api/v1/payment/recreate-link', {
      ...o,
      body: { sessionId: id, ...(o.method ? { method: o.method } : {}) },
    });
  const refund = (body: object, token: string, idem?: string) =>
    call('POST', '/api/v1/payment/refund', { token, body, ...(idem ? { idem } : {}) });

  const db = () => app.runtime.database.pool;
  const linkCount = async (sessionId: string) =>
    Number(
      (
        await db().query<{ n: string }>(
          `SELECT count(*) AS n FROM payments WHERE payable_id = $1 AND method IN ('CARD_LINK', 'CRYPTO_LINK')`,
          [sessionId],
        )
      ).rows[0]!.n,
    );
  const checkoutOf = async (paymentId: string) =>
    (
      await db().query<{ provider_session_id: string }>(
        `SELECT provider_session_id FROM payments WHERE id = $1`,
        [paymentId],
      )
    ).rows[0]!.provider_session_id;

  /** Pays a checkout page with the sandbox's succeeding test card. */
  async function pay(url: string) {
    const page = await load(url);
    const res = await submit(
      url,
      page.html,
      { id: 'card-form' },
      { card_number: '4242424242424242', email: 'payer@example.com', name: 'Payer' },
    );
    expect(res.status).toBeLessThan(400);
  }

  /** A session that charged a while and stopped: its stop answer and how to ask about it. */
  async function charged(o: { token?: string; email?: string; energyWhAtLeast?: number } = {}) {
    const site = await f.simulatedSite({}, { powerKw: 50, meterIntervalMs: 200 });
    const res = await start(site.connectorId, { token: o.token, email: o.email });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.sessionId as string;
    const who: Opts = o.token ? { token: o.token } : { key: res.body.accessKey };
    await eventually(async () => {
      const s = await session(id, who);
      expect(s.body.status).toBe('CHARGING');
      expect(s.body.energyWh).toBeGreaterThanOrEqual(o.energyWhAtLeast ?? 1);
    }, 20_000);
    const stopped = await stop(id, who);
    return { site, id, who, started: res, stopped };
  }

  it('guest, card link: start → charge → stop → pay the link → PAID, revenue less the fee, receipt', async () => {
    const revenueBefore = await f.companyRevenue(a.volt.id);
    const email = `guest.${process.pid}@example.com`;
    const { id, who, started, stopped } = await charged({ email });
    expect(started.body).toMatchObject({ status: 'STARTING', accessKey: expect.any(String) });
    expect(started.body.accessKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(started.body.sessionUrl).toBe(
      `${new URL(started.body.sessionUrl).origin}/charge/guest/${id}#key=${started.body.accessKey}`,
    );
    // The start held nothing: the session was capped at the tariff's hold amount.
    const after = (await session(id, who)).body;
    expect(after).toMatchObject({
      driverId: null,
      paymentId: null,
      authorizedAmount: 5000,
      capAmount: 5000,
      payment: { type: 'link', method: 'card', link: { status: 'PENDING' } },
    });
    expect(JSON.stringify(after)).not.toContain(email);

    expect(stopped.status, JSON.stringify(stopped.body)).toBe(200);
    expect(stopped.body).toMatchObject({
      sessionId: id,
      status: 'COMPLETED',
      currency: 'eur',
      paymentUrl: expect.stringContaining('http'),
      expiresAt: expect.any(String),
    });
    const cost = stopped.body.amount as number;
    expect(cost).toBeGreaterThanOrEqual(50); // the session fee at least
    expect(cost).toBeLessThanOrEqual(5000);
    expect(after.cost).toBe(cost);
    const expiresIn = Date.parse(stopped.body.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(55 * 60_000); // CHARGING_LINK_EXPIRY_MINUTES=60
    expect(expiresIn).toBeLessThanOrEqual(60 * 60_000);

    const open = (await link(id, who)).body;
    expect(open).toMatchObject({
      sessionId: id,
      status: 'PENDING',
      paymentUrl: stopped.body.paymentUrl,
      amount: cost,
      amountRefunded: 0,
      method: 'card',
    });
    expect(open.links).toHaveLength(1);

    // The checkout sends the payer back to the guest's page — without the key.
    const checkout = await sandboxSdk(app).checkout.sessions.retrieve(
      await checkoutOf(open.links[0].id),
    );
    const origin = new URL(started.body.sessionUrl).origin;
    expect(checkout.success_url).toBe(`${origin}/charge/guest/${id}?checkout=success`);
    expect(checkout.cancel_url).toBe(`${origin}/charge/guest/${id}?checkout=cancel`);
    await pay(stopped.body.paymentUrl);
    const paid = await eventually(async () => {
      const l = (await link(id, who)).body;
      expect(l.status).toBe('PAID');
      return l;
    });
    expect(paid.paymentUrl).toBeNull();
    const done = await eventually(async () => {
      const s = (await session(id, who)).body;
      expect(s).toMatchObject({ captureStatus: 'CAPTURED', capturedAmount: cost });
      return s;
    });
    expect(done.payment.link.status).toBe('PAID');
    const fee = Math.floor((cost * 1000 + 5000) / 10_000);
    expect((await f.companyRevenue(a.volt.id)) - revenueBefore).toBe(cost - fee);
    const mails = await db().query<{ recipient: string; subject: string }>(
      `SELECT recipient, subject FROM mail_messages WHERE kind = 'charging.receipt' AND reference = $1`,
      [id],
    );
    expect(mails.rows).toEqual([{ recipient: email, subject: expect.stringContaining('EUR') }]);
    const receipt = await call('GET', `/api/v1/session/${id}/receipt`, who);
    expect(receipt.status).toBe(200);
    expect(receipt.body).toMatchObject({ sessionId: id, final: true, total: cost, captured: cost });
    expect((await call('GET', `/api/v1/session/${id}/receipt`, { key: 'nope' })).status).toBe(404);
    expect(await verifyLedger(db())).toEqual([]);
  });

  it('the guest key: wrong or missing → 404, and it appears in no answer but the start’s', async () => {
    const { id, who, started, stopped } = await charged();
    const key = started.body.accessKey as string;
    expect(stopped.status).toBe(200);
    const wrong = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    for (const o of [
      { key: wrong },
      {},
      { key: '' },
      { token: a.user },
      { token: a.amp.operator },
    ]) {
      const got = await session(id, o);
      expect(got.status).toBe(404);
      expect(got.body.error.code).toBe('session_not_found');
      expect((await link(id, o)).status).toBe(404);
      expect((await stop(id, o)).status).toBe(404);
      expect((await recreate(id, o)).status).toBe(404);
    }
    // A made-up id answers the same as someone else's session.
    const none = await session('ses_01HZZZZZZZZZZZZZZZZZZZZZZZ', { key });
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('session_not_found');
    // The company's operators and admins see it without the key.
    expect((await session(id, { token: a.volt.operator })).status).toBe(200);
    expect((await link(id, { token: a.admin })).status).toBe(200);
    // Nothing but the start's answer carries the key, nor its hash.
    const hash = (
      await db().query<{ access_key_hash: string }>(
        `SELECT access_key_hash FROM charging_session_payers WHERE session_id = $1`,
        [id],
      )
    ).rows[0]!.access_key_hash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const answers = [
      stopped.body,
      (await session(id, who)).body,
      (await link(id, who)).body,
      (await stop(id, who)).body,
      (await a.api.get(`/api/v1/sessions/${id}`, a.admin)).body,
    ];
    for (const body of answers) {
      expect(JSON.stringify(body)).not.toContain(key);
      expect(JSON.stringify(body)).not.toContain(hash);
    }
    const stored = await db().query(
      `SELECT count(*)::int AS n FROM idempotency_keys WHERE response_body::text LIKE $1`,
      [`%${key}%`],
    );
    expect(stored.rows[0]).toEqual({ n: 0 });
  });

  it('expired → recreated → paid; an open link is expired at the provider first; paid → 409', async () => {
    const driver = await f.driver();
    const { id, who, stopped } = await charged({ token: driver });
    expect(stopped.status).toBe(200);
    const first = (await link(id, who)).body.links[0];
    const checkout = await sandboxSdk(app).checkout.sessions.retrieve(await checkoutOf(first.id));
    expect(checkout.success_url).toMatch(new RegExp(`/charge/sessions/${id}\\?checkout=success$`));
    // Recreating while the first is open: it is expired at the provider, then a new one made.
    const second = await recreate(id, { ...who, idem: `re-${id}-1` });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.links.map((l: { status: string }) => l.status)).toEqual([
      'PENDING',
      'EXPIRED',
    ]);
    expect(second.body.links[1].id).toBe(first.id);
    expect(second.body.paymentUrl).not.toBe(first.paymentUrl);
    const sdk = sandboxSdk(app);
    expect((await sdk.checkout.sessions.retrieve(await checkoutOf(first.id))).status).toBe(
      'expired',
    );
    // The second expires at the provider (its page lapsed): the webhook marks it, the session
    // waits for a new link.
    await sdk.checkout.sessions.expire(await checkoutOf(second.body.links[0].id));
    await eventually(async () => {
      expect((await link(id, who)).body.status).toBe('EXPIRED');
      expect((await session(id, who)).body).toMatchObject({
        captureStatus: 'FAILED',
        captureError: 'The payment link expired',
      });
    });
    const third = await recreate(id, { ...who, idem: `re-${id}-2` });
    expect(third.status).toBe(201);
    expect(third.body.links).toHaveLength(3);
    expect(third.body.status).toBe('PENDING');
    await pay(third.body.paymentUrl);
    await eventually(async () => expect((await link(id, who)).body.status).toBe('PAID'));
    const again = await recreate(id, { ...who, idem: `re-${id}-3` });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('payment_link_paid');
    expect(await linkCount(id)).toBe(3);
    await eventually(async () =>
      expect((await session(id, who)).body.captureStatus).toBe('CAPTURED'),
    );
    // One PAYMENT entry: the expired links booked nothing.
    const entries = await db().query(
      `SELECT count(*)::int AS n FROM journal_entries WHERE reference_id = $1 AND kind = 'PAYMENT'`,
      [id],
    );
    expect(entries.rows[0]).toEqual({ n: 1 });
  });

  it('refunds by an admin only: partial → PARTIALLY_REFUNDED, the rest → REFUNDED, the ledger reversed', async () => {
    const { id, who, stopped } = await charged();
    await pay(stopped.body.paymentUrl);
    await eventually(async () =>
      expect((await session(id, who)).body.captureStatus).toBe('CAPTURED'),
    );
    const cost = stopped.body.amount as number;
    const revenuePaid = await f.companyRevenue(a.volt.id);
    for (const token of [a.user, a.volt.operator]) {
      const denied = await refund({ sessionId: id, amount: 1 }, token);
      expect(denied.status).toBe(403);
    }
    const partial = await refund({ sessionId: id, amount: 20, reason: 'slow charger' }, a.admin);
    expect(partial.status, JSON.stringify(partial.body)).toBe(200);
    await eventually(async () => {
      const l = (await link(id, who)).body;
      expect(l).toMatchObject({ status: 'PARTIALLY_REFUNDED', amountRefunded: 20 });
    });
    // 20 back from the company less its share of the 10 % fee (2).
    await eventually(async () =>
      expect(revenuePaid - (await f.companyRevenue(a.volt.id))).toBe(18),
    );
    const paymentId = (await link(id, who)).body.links[0].id as string;
    const rest = await refund({ paymentId }, a.admin, `refund-rest-${id}`);
    expect(rest.status).toBe(200);
    const replay = await refund({ paymentId }, a.admin, `refund-rest-${id}`);
    expect(replay.status).toBe(200);
    await eventually(async () => {
      const l = (await link(id, who)).body;
      expect(l).toMatchObject({ status: 'REFUNDED', amountRefunded: cost });
    });
    const fee = Math.floor((cost * 1000 + 5000) / 10_000);
    await eventually(async () =>
      expect(revenuePaid - (await f.companyRevenue(a.volt.id))).toBe(cost - fee),
    );
    const refunds = await db().query(
      `SELECT count(*)::int AS n FROM refunds WHERE payment_id = $1`,
      [paymentId],
    );
    expect(refunds.rows[0]).toEqual({ n: 2 });
    const over = await refund({ sessionId: id, amount: 1 }, a.admin);
    expect(over.status).toBe(409);
    expect(await verifyLedger(db())).toEqual([]);
  });

  it('no hold to raise: a link session is stopped remotely at the tariff’s hold amount, and owes at most that', async () => {
    // 3 € per kWh at 50 kW: about 4 cents a second, so a 3 € cap is reached in a minute or so.
    const site = await f.simulatedSite(
      { energyPricePerKwh: 300_000, timePricePerMinute: 0, sessionFee: 0, holdAmount: 300 },
      { powerKw: 200, meterIntervalMs: 200 },
    );
    const res = await start(site.connectorId);
    const id = res.body.sessionId as string;
    const who = { key: res.body.accessKey as string };
    const done = await eventually(async () => {
      const s = (await session(id, who)).body;
      expect(s).toMatchObject({ status: 'COMPLETED', stopCause: 'HOLD_LIMIT' });
      return s;
    }, 60_000);
    expect(done.authorizedAmount).toBe(300);
    const l = await eventually(async () => {
      const got = await link(id, who);
      expect(got.status).toBe(200);
      return got.body;
    });
    expect(l.amount).toBeLessThanOrEqual(300);
    expect(l.amount).toBe(Math.min(done.cost, 300));
  });

  it('a dispute of a paid link takes the revenue back; won, it returns', async () => {
    const { id, who, stopped } = await charged();
    await pay(stopped.body.paymentUrl);
    await eventually(async () =>
      expect((await session(id, who)).body.captureStatus).toBe('CAPTURED'),
    );
    const paid = await f.companyRevenue(a.volt.id);
    const cost = stopped.body.amount as number;
    const fee = Math.floor((cost * 1000 + 5000) / 10_000);
    const { rows } = await db().query<{ provider_intent_id: string }>(
      `SELECT provider_intent_id FROM payments WHERE payable_id = $1 AND status = 'SUCCEEDED'`,
      [id],
    );
    const intent = await sandboxSdk(app).paymentIntents.retrieve(rows[0]!.provider_intent_id);
    const charge = intent.latest_charge as string;
    await control(app, 'disputes', { charge });
    await eventually(async () =>
      expect(paid - (await f.companyRevenue(a.volt.id))).toBe(cost - fee),
    );
    const [d] = (await sandboxSdk(app).disputes.list({ charge })).data;
    await sandboxSdk(app).disputes.update(d!.id, {
      evidence: { uncategorized_text: 'winning_evidence' },
    });
    await eventually(async () => expect(await f.companyRevenue(a.volt.id)).toBe(paid));
    expect((await link(id, who)).body.status).toBe('PAID');
    expect(await verifyLedger(db())).toEqual([]);
  });

  it('a stop not in within 10 s is a 202 STOPPING; the link is made when the charger’s stop arrives', async () => {
    const site = await f.bareSite({
      energyPricePerKwh: 300_000,
      timePricePerMinute: 0,
      sessionFee: 0,
    });
    const res = await start(site.connectorId);
    const id = res.body.sessionId as string;
    const who = { key: res.body.accessKey as string };
    const t = await site.startTransaction(undefined, 0);
    expect(t.idTagInfo.status).toBe('Accepted');
    const pending = await stop(id, who);
    expect(pending.status).toBe(202);
    expect(pending.body).toMatchObject({ sessionId: id, status: 'STOPPING', paymentUrl: null });
    expect(site.stops).toEqual([{ transactionId: t.transactionId }]);
    expect((await link(id, who)).status).toBe(404);
    await site.stopTransaction(t.transactionId, 1000); // 1 kWh at 3 €
    const made = await eventually(async () => {
      const l = await link(id, who);
      expect(l.status).toBe(200);
      // Recorded first, then its checkout created: the URL follows a moment later.
      expect(l.body.paymentUrl).toEqual(expect.stringContaining('http'));
      return l.body;
    });
    expect(made).toMatchObject({ status: 'PENDING', amount: 300, method: 'card' });
    const again = await stop(id, who);
    expect(again.body).toMatchObject({
      status: 'COMPLETED',
      amount: 300,
      paymentUrl: made.paymentUrl,
    });
    expect(await linkCount(id)).toBe(1);
  });

  it('a session that cost nothing completes with no link', async () => {
    const site = await f.bareSite({ energyPricePerKwh: 0, timePricePerMinute: 0, sessionFee: 0 });
    const res = await start(site.connectorId);
    const id = res.body.sessionId as string;
    const who = { key: res.body.accessKey as string };
    const t = await site.startTransaction(undefined, 0);
    await site.stopTransaction(t.transactionId, 500);
    const stopped = await stop(id, who);
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({ status: 'COMPLETED', amount: 0, paymentUrl: null });
    expect((await session(id, who)).body.captureStatus).toBe('RELEASED');
    expect((await link(id, who)).body.error.code).toBe('payment_link_not_found');
    const re = await recreate(id, who);
    expect(re.status).toBe(409);
    expect(re.body.error.code).toBe('nothing_to_pay');
    expect(await linkCount(id)).toBe(0);
  });

  it('two stops at once, or two recreates at once, make one link', async () => {
    const site = await f.simulatedSite({}, { powerKw: 50, meterIntervalMs: 200 });
    const res = await start(site.connectorId);
    const id = res.body.sessionId as string;
    const who = { key: res.body.accessKey as string };
    await eventually(async () => expect((await session(id, who)).body.status).toBe('CHARGING'));
    const stops = await Promise.all([stop(id, who), stop(id, who), stop(id, who)]);
    for (const s of stops) expect(s.status, JSON.stringify(s.body)).toBe(200);
    // Each answers the one link, however the three raced to make it.
    const urls = new Set(stops.map((s) => s.body.paymentUrl as string | null));
    expect([...urls]).toEqual([expect.stringContaining('http')]);
    expect(await linkCount(id)).toBe(1);
    const recreates = await Promise.all([
      recreate(id, { ...who, idem: `c-${id}-a` }),
      recreate(id, { ...who, idem: `c-${id}-b` }),
      recreate(id, { ...who, idem: `c-${id}-c` }),
    ]);
    for (const r of recreates) expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(await linkCount(id)).toBe(2);
    expect(new Set(recreates.map((r) => r.body.links[0].id)).size).toBe(1);
    const l = (await link(id, who)).body;
    expect(l.links.map((x: { status: string }) => x.status)).toEqual(['PENDING', 'EXPIRED']);
  });

  it('a replayed guest start is the same session, with a new key; the old key no longer opens it', async () => {
    const site = await f.simulatedSite();
    const idem = `guest-replay-${process.pid}`;
    const first = await start(site.connectorId, { idem });
    const second = await start(site.connectorId, { idem });
    expect(second.status).toBe(201);
    expect(second.body.sessionId).toBe(first.body.sessionId);
    expect(second.body.accessKey).not.toBe(first.body.accessKey);
    expect((await session(first.body.sessionId, { key: first.body.accessKey })).status).toBe(404);
    // While it runs there is no link yet.
    expect(
      (await session(first.body.sessionId, { key: second.body.accessKey })).body.payment,
    ).toEqual({ type: 'link', method: 'card', link: null });
    expect((await link(first.body.sessionId, { key: second.body.accessKey })).body.error.code).toBe(
      'payment_link_not_found',
    );
    expect((await session(first.body.sessionId, { key: second.body.accessKey })).status).toBe(200);
    await eventually(async () =>
      expect(
        (await session(first.body.sessionId, { key: second.body.accessKey })).body.status,
      ).toBe('CHARGING'),
    );
    await stop(first.body.sessionId, { key: second.body.accessKey });
  });

  it('a guest’s card, just entered: a hold, captured at the stop, the receipt to the address given; declined → 402', async () => {
    const site = await f.simulatedSite({}, { powerKw: 50 });
    const declined = await start(site.connectorId, {
      payment: { type: 'card', paymentMethodId: 'pm_card_chargeDeclined' },
    });
    expect(declined.status).toBe(402);
    expect(declined.body.accessKey).toBeUndefined();
    const email = `guest.card.${process.pid}@example.com`;
    const res = await start(site.connectorId, {
      payment: { type: 'card', paymentMethodId: 'pm_card_visa' },
      email,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.sessionId as string;
    const who = { key: res.body.accessKey as string };
    const s = (await session(id, who)).body;
    expect(s).toMatchObject({
      driverId: null,
      authorizedAmount: 5000,
      paymentId: expect.stringMatching(/^pay_/),
      payment: { type: 'card', link: null },
    });
    await eventually(async () => expect((await session(id, who)).body.status).toBe('CHARGING'));
    const stopped = await stop(id, who);
    expect(stopped.status).toBe(200);
    expect(stopped.body.paymentUrl).toBeNull();
    const done = await eventually(async () => {
      const got = (await session(id, who)).body;
      expect(got.captureStatus).toBe('CAPTURED');
      return got;
    });
    expect(done.capturedAmount).toBe(done.cost);
    expect((await link(id, who)).status).toBe(404);
    const mails = await db().query<{ recipient: string }>(
      `SELECT recipient FROM mail_messages WHERE kind = 'charging.receipt' AND reference = $1`,
      [id],
    );
    expect(mails.rows).toEqual([{ recipient: email }]);
  });

  it('bad input is a 400, never a 500', async () => {
    const site = await f.simulatedSite();
    const bad: [string, string, unknown, Opts?][] = [
      ['POST', '/api/v1/session/start', { connectorId: site.connectorId }],
      [
        'POST',
        '/api/v1/session/start',
        { connectorId: site.connectorId, payment: { type: 'cash' } },
      ],
      [
        'POST',
        '/api/v1/session/start',
        { connectorId: site.connectorId, payment: { type: 'link', method: 'card' }, email: 'nope' },
      ],
      [
        'POST',
        '/api/v1/session/start',
        {
          connectorId: site.connectorId,
          payment: { type: 'link', method: 'crypto', walletAddress: '0x1234', chain: 'ethereum' },
        },
      ],
      [
        'POST',
        '/api/v1/session/start',
        { connectorId: 'con_\u0000', payment: { type: 'link', method: 'card' } },
      ],
      ['POST', '/api/v1/session/stop', { sessionId: 'ses_1; DROP TABLE payments' }],
      ['POST', '/api/v1/session/stop', { sessionId: 'ses_01\u0000' }],
      ['POST', '/api/v1/payment/recreate-link', { sessionId: 'x'.repeat(500) }],
      ['POST', '/api/v1/payment/recreate-link', { sessionId: 'ses_01ABC', method: 'cash' }],
      [
        'POST',
        '/api/v1/payment/refund',
        { sessionId: 'ses_01ABC', amount: 1e15 },
        { token: a.admin },
      ],
      [
        'POST',
        '/api/v1/payment/refund',
        { sessionId: 'ses_01ABC', amount: '99999999999' },
        { token: a.admin },
      ],
      [
        'POST',
        '/api/v1/payment/refund',
        { sessionId: 'ses_01ABC', amount: -5 },
        { token: a.admin },
      ],
      [
        'POST',
        '/api/v1/payment/refund',
        { sessionId: 'ses_01ABC', amount: 1.5 },
        { token: a.admin },
      ],
      [
        'POST',
        '/api/v1/payment/refund',
        { sessionId: 'ses_01ABC', amount: '12abc' },
        { token: a.admin },
      ],
      ['POST', '/api/v1/payment/refund', {}, { token: a.admin }],
      [
        'POST',
        '/api/v1/payment/refund',
        { sessionId: 'ses_01ABC', paymentId: 'pay_01ABC' },
        { token: a.admin },
      ],
      [
        'POST',
        '/api/v1/payment/refund',
        { sessionId: 'ses_01ABC', reason: 'a\u0000b' },
        { token: a.admin },
      ],
    ];
    for (const [method, path, body, o] of bad) {
      const res = await call(method, path, { ...o, body });
      expect(res.status, `${path} ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error).toMatchObject({ type: expect.any(String), code: expect.any(String) });
    }
    for (const path of ['/api/v1/session/ses_%00', '/api/v1/payment/link/..%2F..%2Fetc']) {
      const res = await call('GET', path, { key: 'k' });
      expect([400, 404]).toContain(res.status);
    }
    // A crypto link needs a usd tariff.
    const eur = await start(site.connectorId, {
      payment: {
        type: 'link',
        method: 'crypto',
        walletAddress: '0x52908400098527886E0F7030069857D2E4169EE7',
        chain: 'ethereum',
      },
    });
    expect(eur.status).toBe(400);
    expect(eur.body.error).toMatchObject({
      code: 'currency_not_supported',
      param: 'payment.method',
    });
  });
});
