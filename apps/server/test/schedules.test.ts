import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestApp, type TestApp } from './helpers';

describe('periodic jobs', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootTestApp();
  });
  afterAll(() => app?.close());

  it('schedules reconciliation and order recovery every minute, the idempotency-key purge hourly', async () => {
    const { rows } = await app.runtime.database.pool.query(
      'SELECT name, cron FROM pgboss.schedule ORDER BY name',
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { name: 'idempotency.purge', cron: '17 * * * *' },
        { name: 'orders.recover-checkouts', cron: '* * * * *' },
        { name: 'payments.reconcile', cron: '* * * * *' },
      ]),
    );
  });
});
