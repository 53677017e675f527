import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index';
import { sdk } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('persistence', () => {
  it('keeps state, the clock and the env webhook secret across a restart', async () => {
    const stateFile = join(dir, 'nested', 'stripe-sandbox.json');
    const first = await startSandbox({ stateFile });
    const stripe = sdk(first);
    const customer = await stripe.customers.create({ email: 'keep@example.com' });
    const pi = await stripe.paymentIntents.create({
      amount: 1234,
      currency: 'eur',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await fetch(`${first.url}/_sandbox/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seconds: 3600 }),
    });
    const key = 'persisted-key';
    const created = await stripe.products.create({ name: 'Kept' }, { idempotencyKey: key });
    await first.close();
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toHaveProperty('objects');

    const second = await startSandbox({ stateFile });
    try {
      expect(second.webhookSecret).toBe(first.webhookSecret);
      const again = sdk(second);
      expect((await again.customers.retrieve(customer.id)) as { email: string }).toMatchObject({
        email: 'keep@example.com',
      });
      expect(await again.paymentIntents.retrieve(pi.id)).toMatchObject({
        status: 'succeeded',
        amount_received: 1234,
      });
      const replay = await again.products.create({ name: 'Kept' }, { idempotencyKey: key });
      expect(replay.id).toBe(created.id);
      const clock = (await (await fetch(`${second.url}/_sandbox/clock`)).json()) as {
        offset_seconds: number;
      };
      expect(clock.offset_seconds).toBeGreaterThanOrEqual(3600);
    } finally {
      await second.close();
    }
  });

  it('starts empty when the state file does not exist, and in memory without one', async () => {
    const s = await startSandbox({ stateFile: join(dir, 'fresh.json') });
    try {
      expect((await sdk(s).customers.list()).data).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
