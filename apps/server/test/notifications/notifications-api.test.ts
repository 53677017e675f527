import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/books';
import { bootTestApp, promote, register, type TestApp } from '../helpers';
import { until } from '../jobs-fixture';
import { ordersFixture, payOnHostedPage } from '../orders/fixture';
import { deadPort, startSmtp } from './smtp-fixture';

const BASE = '/api/v1/admin/notifications';

/**
 * E-mail over HTTP: a paid order's receipt, queued with the payment and sent by its job to a real
 * SMTP server; while that server is down the message is retried, then FAILED, visible to an admin
 * who retries it once the server is back. The admin endpoints are for admins only.
 */
describe('notifications over HTTP: order receipts, the admin list and retry', () => {
  let app: TestApp;
  let f: ReturnType<typeof ordersFixture>;
  let admin: string;
  let port: number;
  let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;

  beforeAll(async () => {
    port = await deadPort();
    app = await bootTestApp({
      JOBS_POLL_INTERVAL_SECONDS: '0.5',
      SMTP_URL: `smtp://mailer:s3cret-pass@127.0.0.1:${port}`,
      MAIL_FROM: 'Tender <orders@shop.example>',
      MAIL_RETRY_LIMIT: '1',
      MAIL_RETRY_DELAY_SECONDS: '1',
    });
    f = ordersFixture(app);
    const a = await register(f.api);
    await promote(app, a.user.id, 'ADMIN');
    admin = a.accessToken;
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  const messagesOf = async (orderId: string) =>
    (await f.api.get(`${BASE}?reference=${orderId}`, admin)).body.data as {
      id: string;
      status: string;
      attempts: number;
      lastError: string | null;
      to: string;
    }[];

  /** The order's messages once the first has reached `status`. */
  const once = (orderId: string, status: string) =>
    until(async () => {
      const rows = await messagesOf(orderId);
      return rows[0]?.status === status && rows;
    }, 20_000);

  it('is for admins only', async () => {
    const buyer = await register(f.api);
    expect((await f.api.get(BASE)).status).toBe(401);
    const list = await f.api.get(BASE, buyer.accessToken);
    expect(list.status).toBe(403);
    expect(list.body.error.type).toBe('permission_error');
    expect((await f.api.post(`${BASE}/mail_x/retry`, undefined, buyer.accessToken)).status).toBe(
      403,
    );
    expect((await f.api.get(`${BASE}?status=LOST`, admin)).status).toBe(400);
    expect((await f.api.get(BASE, admin)).status).toBe(200);
  });

  it('SMTP down: the receipt is retried, then FAILED; the admin retries it once SMTP is back', async () => {
    const buyer = await f.buyer(5_000);
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 1_200, 5);
    const placed = await f.order(buyer.accessToken, {
      productId: product.id,
      quantity: 2,
      paymentMethod: 'WALLET',
    });
    expect(placed.status).toBe(201);
    const orderId = placed.body.id as string;

    const [failed] = await once(orderId, 'FAILED');
    expect(failed).toMatchObject({ attempts: 2, to: buyer.user.email });
    expect(failed!.lastError).toMatch(/ECONNREFUSED/);
    const listed = await f.api.get(`${BASE}?status=FAILED&kind=orders.paid`, admin);
    expect(listed.body.data.map((m: { id: string }) => m.id)).toContain(failed!.id);
    expect((await f.api.get(`${BASE}?status=SENT&kind=orders.paid`, admin)).body.data).toEqual([]);
    // Neither the address nor the body ever reached the log.
    const logs = app.logs.join('\n');
    expect(logs).toContain(failed!.id);
    expect(logs).not.toContain(buyer.user.email);
    expect(logs).not.toContain('Total:');

    smtp = await startSmtp(port);
    const retried = await f.api.post(`${BASE}/${failed!.id}/retry`, undefined, admin);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: failed!.id, status: 'QUEUED' });
    const got = await until(() => smtp!.received.find((r) => r.mail.subject?.includes(orderId)));
    expect(got.rcptTo).toEqual([buyer.user.email]);
    expect(got.mail.messageId).toBe(`<${failed!.id}@shop.example>`);
    expect(got.mail.subject).toBe(`Your order ${orderId} is confirmed`);
    expect(got.mail.text).toContain(`Order: ${orderId}`);
    expect(got.mail.text).toContain('Item: Widget 1200 × 2 at 12.00 USD');
    expect(got.mail.text).toContain('Total: 24.00 USD, paid from your Tender wallet');
    const [sent] = await once(orderId, 'SENT');
    expect(sent!.attempts).toBe(3);

    const again = await f.api.post(`${BASE}/${failed!.id}/retry`, undefined, admin);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('message_not_failed');
    expect((await f.api.post(`${BASE}/mail_unknown/retry`, undefined, admin)).status).toBe(404);
  });

  it('a gateway order paid on the hosted page gets one receipt, queued with the payment', async () => {
    smtp ??= await startSmtp(port);
    const buyer = await f.buyer();
    const merchant = await f.merchant();
    const product = await f.product(merchant.accessToken, 1_999, 3);
    const placed = await f.order(buyer.accessToken, {
      productId: product.id,
      quantity: 1,
      paymentMethod: 'GATEWAY',
    });
    expect(placed.status).toBe(201);
    const orderId = placed.body.id as string;
    // Not paid yet: no receipt.
    expect(await messagesOf(orderId)).toEqual([]);
    await payOnHostedPage(placed.body.checkoutUrl);
    const got = await until(
      () => smtp!.received.find((r) => r.mail.subject?.includes(orderId)),
      20_000,
    );
    expect(got.rcptTo).toEqual([buyer.user.email]);
    expect(got.mail.text).toContain('Total: 19.99 USD, paid by card');
    expect((await f.getOrder(buyer.accessToken, orderId)).status).toBe('COMPLETED');
    const rows = await messagesOf(orderId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(smtp.received.filter((r) => r.mail.subject?.includes(orderId))).toHaveLength(1);
    expect(await verifyLedger(app.runtime.database.pool)).toEqual([]);
  });
});
