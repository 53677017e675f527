import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentProvider, ProviderIntent } from '../../src/payments/provider/payment-provider';
import type { PayoutProvider } from '../../src/payments/provider/payouts-port';
import { AppError } from '../../src/platform/errors/app-error';

/**
 * What any PaymentProvider (and its payouts port) must do, as the payments core relies on it: the
 * same cases run against every implementation — the embedded Stripe sandbox always, real Stripe in
 * test mode when a key is set, a second provider when there is one.
 */
export interface ProviderUnderTest {
  payments: PaymentProvider;
  /** The payouts port, when the provider has one. */
  payouts?: PayoutProvider;
  /**
   * Completes (or fails) a 3-D Secure challenge at `nextActionUrl` as the payer's browser would.
   * Absent where that needs a real browser (real Stripe's challenge page).
   */
  authenticate?: (nextActionUrl: string, approve: boolean) => Promise<void>;
  /**
   * Fills the provider's hosted onboarding form at `linkUrl` as the account's owner would. Absent
   * where that needs a person (real Stripe's Express onboarding).
   */
  onboard?: (linkUrl: string) => Promise<void>;
  /** Payment methods for the cases, in the provider's terms (Stripe's test cards here). */
  cards: {
    succeeds: string;
    /**
     * Succeeds, its funds available in the platform balance at once (a card payment's are
     * otherwise pending for days, and payouts can only spend available funds).
     */
    availableAtOnce: string;
    /** Declined with `declineCode`. */
    declined: { paymentMethodId: string; code: string; declineCode: string };
    /** Always asks for 3-D Secure on-session. */
    requiresAction: string;
    /** Authorizes, but every increment of its hold is declined; absent where there is none. */
    incrementDeclined?: string;
    /** Authorizes, but its brand offers no incremental authorization. */
    notIncrementable: string;
  };
  close(): Promise<void>;
}

export function providerContract(name: string, make: () => Promise<ProviderUnderTest>): void {
  describe(`PaymentProvider contract: ${name}`, () => {
    let p: ProviderUnderTest;
    // Keys unique per run: real Stripe remembers them for 24 h.
    const run = randomUUID();
    let n = 0;
    const key = (what: string) => `contract:${run}:${what}:${(n += 1)}`;

    beforeAll(async () => {
      p = await make();
    });
    afterAll(() => p?.close());

    const intent = (amount: bigint, captureMethod: 'AUTOMATIC' | 'MANUAL' = 'AUTOMATIC') =>
      p.payments.createIntent(
        { amount, currency: 'usd', captureMethod, metadata: { contract: run } },
        key('intent'),
      );
    const confirm = (i: ProviderIntent, paymentMethodId: string, returnUrl?: string) =>
      p.payments.confirmIntent(
        i.id,
        { paymentMethodId, offSession: false, returnUrl },
        key('confirm'),
      );
    const paid = async (amount: bigint) => confirm(await intent(amount), p.cards.succeeds);
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => 'resolved',
        (err: unknown) => (err instanceof AppError ? `${err.status} ${err.kind}` : String(err)),
      );

    it('a card payment that succeeds is captured in full', async () => {
      const created = await intent(1234n);
      expect(created.id).toBeTruthy();
      const done = await confirm(created, p.cards.succeeds);
      expect(done).toMatchObject({ id: created.id, observation: { status: 'SUCCEEDED' } });
      expect(done.observation.amountCaptured).toBe(1234n);
      expect(done.chargeId).toBeTruthy();
    });

    it('a declined card fails the payment with its code and decline code (an outcome, not a throw)', async () => {
      const { paymentMethodId, code, declineCode } = p.cards.declined;
      const done = await confirm(await intent(2000n), paymentMethodId);
      expect(done.observation.status).toBe('FAILED');
      expect(done.observation.failure).toMatchObject({ code, declineCode });
      expect(done.observation.amountCaptured ?? 0n).toBe(0n);
    });

    it('a card that asks for 3-D Secure requires action with a challenge URL; authenticated, it succeeds', async () => {
      const created = await intent(4200n);
      const pending = await confirm(created, p.cards.requiresAction, 'https://tender.test/return');
      expect(pending.observation.status).toBe('REQUIRES_ACTION');
      expect(pending.observation.nextActionUrl).toMatch(/^https?:\/\//);
      if (!p.authenticate) {
        // Real Stripe's challenge page needs a browser; up to here is what the port promises.
        console.info(
          `${name}: 3-D Secure completion not driven (no authenticate for this provider)`,
        );
        return;
      }
      await p.authenticate(pending.observation.nextActionUrl!, true);
      const after = await p.payments.retrieveIntent(created.id);
      expect(after.observation).toMatchObject({ status: 'SUCCEEDED', amountCaptured: 4200n });
    });

    it('authorize, then capture part: only the part is captured', async () => {
      const held = await confirm(await intent(5000n, 'MANUAL'), p.cards.succeeds);
      expect(held.observation).toMatchObject({ status: 'AUTHORIZED', amountCapturable: 5000n });
      const captured = await p.payments.captureIntent(held.id, 3000n, key('capture'));
      expect(captured.observation).toMatchObject({ status: 'SUCCEEDED', amountCaptured: 3000n });
      // The provider reports the released 2000 as refunded; the port does not call it a refund.
      expect(captured.observation.amountRefunded ?? 0n).toBe(0n);
      const refund = await p.payments.refund(
        { intentId: held.id, amount: 3000n, metadata: {} },
        key('refund'),
      );
      expect(refund).toMatchObject({ amount: 3000n, status: 'SUCCEEDED' });
      expect((await p.payments.retrieveIntent(held.id)).observation).toMatchObject({
        amountCaptured: 3000n,
        amountRefunded: 3000n,
      });
    });

    const incrementable = async (amount: bigint, card = p.cards.succeeds, ask = true) =>
      p.payments.confirmIntent(
        (
          await p.payments.createIntent(
            {
              amount,
              currency: 'usd',
              captureMethod: 'MANUAL',
              requestIncrementalAuthorization: ask,
              metadata: { contract: run },
            },
            key('intent'),
          )
        ).id,
        { paymentMethodId: card, offSession: false },
        key('confirm'),
      );

    it('a hold that asked for incremental authorization says so, and when it lapses', async () => {
      const held = await incrementable(2000n);
      expect(held.observation).toMatchObject({
        status: 'AUTHORIZED',
        amount: 2000n,
        amountCapturable: 2000n,
        incrementalAuthorization: true,
      });
      const lapses = held.observation.captureBefore!.getTime() - Date.now();
      expect(lapses).toBeGreaterThan(4 * 86_400_000);
      expect(lapses).toBeLessThanOrEqual(7 * 86_400_000 + 60_000);
      const plain = await confirm(await intent(2000n, 'MANUAL'), p.cards.succeeds);
      expect(plain.observation.incrementalAuthorization ?? false).toBe(false);
    });

    it('increment: the hold grows to the new total, once per key, and can be captured above the original', async () => {
      const held = await incrementable(2000n);
      const k = key('increment');
      const raised = await p.payments.incrementAuthorization(held.id, 3500n, k);
      expect(raised.observation).toMatchObject({
        status: 'AUTHORIZED',
        amount: 3500n,
        amountCapturable: 3500n,
      });
      expect(await p.payments.incrementAuthorization(held.id, 3500n, k)).toEqual(raised);
      const captured = await p.payments.captureIntent(held.id, 3000n, key('capture'));
      expect(captured.observation).toMatchObject({
        status: 'SUCCEEDED',
        amount: 3500n,
        amountCaptured: 3000n,
        amountCapturable: 0n,
      });
      // The released rest is not a refund of what was captured.
      expect(captured.observation.amountRefunded ?? 0n).toBe(0n);
      expect(
        await refusal(p.payments.incrementAuthorization(held.id, 4000n, key('increment'))),
      ).toBe('409 conflict');
    });

    it('increment refusals: not above the total, not granted, or the 11th attempt — the hold stays', async () => {
      const codeOf = (promise: Promise<unknown>) =>
        promise.then(
          () => 'resolved',
          (err: unknown) => (err instanceof AppError ? `${err.status} ${err.code}` : String(err)),
        );
      const held = await incrementable(2000n);
      expect(
        await codeOf(p.payments.incrementAuthorization(held.id, 2000n, key('increment'))),
      ).toBe('409 increment_unavailable');
      for (const pi of [
        await incrementable(1000n, p.cards.succeeds, false),
        await incrementable(1000n, p.cards.notIncrementable),
      ]) {
        expect(pi.observation.incrementalAuthorization ?? false).toBe(false);
        expect(
          await codeOf(p.payments.incrementAuthorization(pi.id, 1500n, key('increment'))),
        ).toBe('409 increment_unavailable');
      }
      for (let i = 1n; i <= 10n; i++) {
        await p.payments.incrementAuthorization(held.id, 2000n + i, key('increment'));
      }
      expect(
        await codeOf(p.payments.incrementAuthorization(held.id, 3000n, key('increment'))),
      ).toBe('409 increment_unavailable');
      expect((await p.payments.retrieveIntent(held.id)).observation).toMatchObject({
        status: 'AUTHORIZED',
        amount: 2010n,
        amountCapturable: 2010n,
      });
    });

    it('a declined increment is a 402 increment_declined; the old hold stays capturable', async () => {
      if (!p.cards.incrementDeclined) {
        console.info(`${name}: no card that declines increments`);
        return;
      }
      const held = await incrementable(2000n, p.cards.incrementDeclined);
      expect(held.observation.incrementalAuthorization).toBe(true);
      const err = await p.payments
        .incrementAuthorization(held.id, 2500n, key('increment'))
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ status: 402, code: 'increment_declined' });
      expect((await p.payments.retrieveIntent(held.id)).observation).toMatchObject({
        status: 'AUTHORIZED',
        amount: 2000n,
        amountCapturable: 2000n,
      });
      const captured = await p.payments.captureIntent(held.id, 2000n, key('capture'));
      expect(captured.observation.amountCaptured).toBe(2000n);
    });

    it('an authorization canceled releases the hold; it can no longer be captured', async () => {
      const held = await confirm(await intent(1500n, 'MANUAL'), p.cards.succeeds);
      const canceled = await p.payments.cancelIntent(held.id, key('cancel'));
      expect(canceled.observation.status).toBe('CANCELLED');
      expect(await refusal(p.payments.captureIntent(held.id, 1500n, key('capture')))).toMatch(
        /^4\d\d /,
      );
    });

    it('refunds: part, then the rest; above what is left is refused', async () => {
      const done = await paid(1000n);
      const refund = (amount: bigint) =>
        p.payments.refund({ intentId: done.id, amount, metadata: {} }, key('refund'));
      const first = await refund(300n);
      expect(first).toMatchObject({ amount: 300n, status: 'SUCCEEDED' });
      expect(await refusal(refund(701n))).toBe('400 validation');
      const rest = await refund(700n);
      expect(rest).toMatchObject({ amount: 700n, status: 'SUCCEEDED' });
      expect(rest.id).not.toBe(first.id);
      expect((await p.payments.retrieveIntent(done.id)).observation.amountRefunded).toBe(1000n);
      expect(await refusal(refund(1n))).toBe('400 validation');
    });

    it('an idempotency key sent again returns the same object; with other parameters it is refused', async () => {
      const k = key('same');
      const input = {
        amount: 777n,
        currency: 'usd',
        captureMethod: 'AUTOMATIC' as const,
        metadata: {},
      };
      const a = await p.payments.createIntent(input, k);
      const b = await p.payments.createIntent(input, k);
      expect(b.id).toBe(a.id);
      const c = key('confirm-same');
      const once = await p.payments.confirmIntent(
        a.id,
        { paymentMethodId: p.cards.succeeds, offSession: false },
        c,
      );
      const twice = await p.payments.confirmIntent(
        a.id,
        { paymentMethodId: p.cards.succeeds, offSession: false },
        c,
      );
      expect(twice).toEqual(once);
      expect(await refusal(p.payments.createIntent({ ...input, amount: 778n }, k))).toBe(
        '409 conflict',
      );
    });

    it('retrieving a payment answers what the last call answered', async () => {
      const done = await paid(2500n);
      expect(await p.payments.retrieveIntent(done.id)).toEqual(done);
    });

    it('payouts: a connected account is created and paid out to, once per key', async () => {
      if (!p.payouts) {
        console.info(`${name}: no payouts port`);
        return;
      }
      const account = await p.payouts.createAccount(
        { userId: `usr_${run}`, email: 'contract@example.com' },
        key('account'),
      );
      expect(account).toMatch(/^acct_/);
      // A new Express account cannot receive transfers until its owner finishes onboarding.
      expect((await p.payouts.accountStatus(account)).ready).toBe(false);
      // Funds the transfer: Stripe pays it only from the available balance.
      const funding = await confirm(await intent(1000n), p.cards.availableAtOnce);
      expect(funding.observation.status).toBe('SUCCEEDED');
      if (!p.onboard) {
        console.info(`${name}: onboarding needs a person; the payout is only shown refused`);
        const refused = await p.payouts.send(
          { id: `wdr_${run}_early`, amount: 500n, currency: 'usd', destination: account },
          key('payout-early'),
        );
        expect(refused.status).toBe('FAILED');
        return;
      }
      const link = await p.payouts.onboardingLink(account, {
        refreshUrl: 'http://127.0.0.1/refresh',
        returnUrl: 'http://127.0.0.1/return',
      });
      await p.onboard(link.url);
      expect((await p.payouts.accountStatus(account)).ready).toBe(true);
      const payout = { id: `wdr_${run}`, amount: 500n, currency: 'usd', destination: account };
      const k = key('payout');
      const sent = await p.payouts.send(payout, k);
      expect(sent).toMatchObject({ status: 'PAID', id: expect.any(String) });
      expect(await p.payouts.send(payout, k)).toEqual(sent);
      // Sent again after its key was forgotten: found by the payout id, not sent twice.
      expect(await p.payouts.send(payout, key('payout-later'), { recovering: true })).toEqual(sent);
    });
  });
}
