import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register } from './helpers';
import { paymentsHarness, type PaymentsHarness } from './payments/harness';

/** GET /api/v1/admin/payments/:id/transitions: the writer's audit rows, admin only. */
describe('admin: a payment transitions', () => {
  let h: PaymentsHarness;
  beforeAll(async () => {
    h = await paymentsHarness();
  });
  afterAll(() => h?.app.close());

  it('lists the status changes the writer stored, oldest first', async () => {
    const paid = await h.api.post(
      '/test/payments/card',
      { paymentMethodId: 'pm_card_visa', amount: 2500 },
      h.user.accessToken,
    );
    expect(paid.status).toBe(201);
    const res = await h.api.get(
      `/api/v1/admin/payments/${paid.body.id}/transitions`,
      h.admin.accessToken,
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({
      fromStatus: 'CREATED',
      toStatus: 'SUCCEEDED',
      cause: 'api',
    });
    expect(res.body.data[0].id).toEqual(expect.any(String));
  });

  it('is 404 for an unknown payment, 403 for a non-admin, 401 without a token, 400 for a bad id', async () => {
    const url = '/api/v1/admin/payments/pay_nope/transitions';
    expect((await h.api.get(url, h.admin.accessToken)).status).toBe(404);
    const other = await register(h.api);
    expect((await h.api.get(url, other.accessToken)).status).toBe(403);
    expect((await h.api.get(url)).status).toBe(401);
    const long = `/api/v1/admin/payments/${'x'.repeat(65)}/transitions`;
    expect((await h.api.get(long, h.admin.accessToken)).status).toBe(400);
  });
});
