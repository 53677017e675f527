import Stripe from 'stripe';
import { expect } from 'vitest';
import { verifyLedger } from '../../src/books';
import { zonedInstant, localParts } from '../../src/coworking/local-time';
import { ManualClock } from '../../src/platform/clock';
import { bootTestApp, client, promote, register, type TestApp } from '../helpers';
import { eventually } from '../payments/harness';

export const TZ = 'Europe/Berlin';
type Session = Awaited<ReturnType<typeof register>>;

/**
 * A real app (real PostgreSQL, its embedded Stripe sandbox, webhooks and jobs) on a clock the test
 * moves, an admin who makes spaces, and the official SDK pointed at the sandbox for the payer's
 * side (confirming an intent with a test card, as Stripe.js would).
 */
export async function coworkingFixture(env: Record<string, string> = {}) {
  const clock = new ManualClock();
  const app: TestApp = await bootTestApp(
    {
      JOBS_POLL_INTERVAL_SECONDS: '0.5',
      // Many members register in a burst from one address.
      AUTH_RATE_LIMIT_PER_IP: '1000',
      // The clock moves days ahead in some tests; sessions must outlive it.
      ACCESS_TOKEN_TTL_SECONDS: String(60 * 24 * 3600),
      ...env,
    },
    { clock },
  );
  const api = client(app.url);
  const admin = await register(api);
  await promote(app, admin.user.id, 'ADMIN');
  const sdk: Stripe = new Stripe('sk_test_coworking', {
    host: '127.0.0.1',
    port: Number(new URL(app.running.sandboxUrl!).port),
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    app.runtime.database.pool.query(text, params).then((r) => r.rows as T[]);

  /** A local date `days` after the clock's today, where the spaces are. */
  const dayAhead = (days: number) =>
    localParts(new Date(clock.now().getTime() + days * 86_400_000), TZ).date;
  /** The instant of HH:MM on a local date. */
  const at = (date: string, hhmm: string) =>
    zonedInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), TZ);

  const everyDay = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: '08:00', close: '20:00' }));
  async function space(overrides: Record<string, unknown> = {}) {
    const res = await api.post(
      '/api/v1/spaces',
      {
        name: 'Meeting room Ada',
        kind: 'ROOM',
        capacity: 1,
        priceUnit: 'HOUR',
        price: 2_000,
        currency: 'eur',
        timeZone: TZ,
        openingHours: everyDay,
        bufferMinutes: 0,
        cancellation: { fullRefundHours: 24, lateRefundPercent: 50 },
        holdMinutes: 15,
        ...overrides,
      },
      admin.accessToken,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; price: number };
  }

  function book(
    member: Session,
    body: { spaceId: string; start: Date | string; end: Date | string },
    key?: string,
  ) {
    return api.call('POST', '/api/v1/bookings', {
      token: member.accessToken,
      body: {
        spaceId: body.spaceId,
        start: typeof body.start === 'string' ? body.start : body.start.toISOString(),
        end: typeof body.end === 'string' ? body.end : body.end.toISOString(),
      },
      headers: key ? { 'idempotency-key': key } : {},
    });
  }

  const createIntent = (member: Session, bookingId: string, key?: string) =>
    api.call('POST', '/api/v1/payments/create-intent', {
      token: member.accessToken,
      body: { bookingId },
      headers: key ? { 'idempotency-key': key } : {},
    });

  /**
   * The payer's browser, as Stripe.js confirmCardPayment does it: the publishable key and the
   * intent's client secret, at the provider — never at us.
   */
  const browser: Stripe = new Stripe('pk_test_coworking_browser', {
    host: '127.0.0.1',
    port: Number(new URL(app.running.sandboxUrl!).port),
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  const confirmWithCard = (
    intent: { paymentIntentId: string; clientSecret: string },
    card = 'pm_card_visa',
  ): Promise<unknown> =>
    browser.paymentIntents
      .confirm(intent.paymentIntentId, {
        client_secret: intent.clientSecret,
        payment_method: card,
      } as Stripe.PaymentIntentConfirmParams)
      .catch((err: unknown) => {
        // A declined card: Stripe.js reports the error; the intent carries it.
        if (err instanceof Stripe.errors.StripeCardError) return null;
        throw err;
      });

  const booking = async (member: Session, id: string) =>
    (await api.get(`/api/v1/bookings/${id}`, member.accessToken)).body;

  /** Books and pays a booking through the webhook; returns it CONFIRMED. */
  async function paidBooking(member: Session, spaceId: string, start: Date, end: Date) {
    const b = await book(member, { spaceId, start, end });
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    const intent = await createIntent(member, b.body.id);
    expect(intent.status, JSON.stringify(intent.body)).toBe(201);
    await confirmWithCard(intent.body);
    return eventually(async () => {
      const current = await booking(member, b.body.id);
      expect(current.status).toBe('CONFIRMED');
      return current;
    });
  }

  /** Platform revenue in a currency, as the ledger has it. */
  async function revenue(currency = 'eur'): Promise<bigint> {
    const rows = await sql<{ balance: string }>(
      `SELECT balance::text FROM ledger_accounts WHERE type = 'PLATFORM_REVENUE' AND currency = $1`,
      [currency],
    );
    return BigInt(rows[0]?.balance ?? '0');
  }

  const booksHold = async () => expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);

  return {
    app,
    api,
    clock,
    admin,
    sdk,
    sql,
    dayAhead,
    at,
    space,
    book,
    createIntent,
    confirmWithCard,
    booking,
    paidBooking,
    revenue,
    booksHold,
    member: () => register(api),
  };
}
export type CoworkingFixture = Awaited<ReturnType<typeof coworkingFixture>>;
