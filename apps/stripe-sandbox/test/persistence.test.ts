import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index';
import { sdk, WebhookReceiver } from './helpers';

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
}

const dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('persistence', () => {
  it('keeps state, the clock and the env webhook secret across a restart', async () => {
    const stateFile = join(dir, 'nested', 'stripe-sandbox.db');
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

  it('resumes a pending webhook retry after a restart', async () => {
    const stateFile = join(dir, 'retry.db');
    const hooks = await new WebhookReceiver().start();
    let phase: 'first' | 'second' = 'first';
    hooks.respond = () => (phase === 'first' ? 500 : 200);
    const options = { stateFile, webhookUrl: hooks.url, retryScheduleMs: [300] };
    const first = await startSandbox(options);
    hooks.secret = first.webhookSecret;
    const c = await sdk(first).customers.create({ email: 'later@example.com' });
    await until(() => hooks.received.length === 1);
    await first.close();
    phase = 'second';
    const second = await startSandbox(options);
    try {
      const event = await hooks.waitForObject('customer.created', c.id);
      expect(hooks.received.filter((r) => r.event.id === event.id).map((r) => r.status)).toEqual([
        500, 200,
      ]);
      expect(hooks.verificationErrors).toEqual([]);
    } finally {
      await second.close();
      await hooks.close();
    }
  });

  it('starts empty when the state file does not exist, and in memory without one', async () => {
    const s = await startSandbox({ stateFile: join(dir, 'fresh.db') });
    try {
      expect((await sdk(s).customers.list()).data).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
