import { ChakraProvider } from '@chakra-ui/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { system } from '../../theme';
import type { Price } from '../driver/queries';
import { capSentence, decimalAmount, sameAmount } from './ad-hoc-start';
import { LinkPayment, linkWords } from './link-payment';
import type { PaymentLink } from './queries';
import { forgetSessionKey, guestSessionUrl, keyFromFragment, sessionKeyFor } from './session-key';

// The API client keeps the fetch it found when it was made (at import): it is given one that
// forwards to each test's own.
const net = vi.hoisted(() => {
  const n = { fetch: (() => Promise.reject(new Error('no fetch in this test'))) as typeof fetch };
  globalThis.fetch = (...a: Parameters<typeof fetch>) => n.fetch(...a);
  return n;
});

const KEY = 'q0u9mHc3vN4x7b2pT6yWzA1sE8dF5gJ0kL3nR7tV9wX';

function link(over: Partial<PaymentLink> = {}): PaymentLink {
  return {
    sessionId: 'ses_1',
    status: 'PENDING',
    paymentUrl: 'http://sandbox.test/c/pay/cs_1',
    amount: 1234,
    amountRefunded: 0,
    currency: 'eur',
    expiresAt: null,
    method: 'card',
    links: [],
    ...over,
  };
}

describe("a guest's session key", () => {
  beforeEach(() => sessionStorage.clear());

  it('is read from the fragment only when it has the shape of a key', () => {
    expect(keyFromFragment(`#key=${KEY}`)).toBe(KEY);
    expect(keyFromFragment(`#other=1&key=${KEY}`)).toBe(KEY);
    expect(keyFromFragment('#key=short')).toBeUndefined();
    expect(keyFromFragment(`#key=${KEY.slice(0, 20)}<script>`)).toBeUndefined();
    expect(keyFromFragment('')).toBeUndefined();
  });

  it('is remembered per session id, so a return without the fragment still has it', () => {
    expect(sessionKeyFor('ses_1', `#key=${KEY}`)).toBe(KEY);
    expect(sessionKeyFor('ses_1', '')).toBe(KEY);
    // Another session's page never gets this one's key.
    expect(sessionKeyFor('ses_2', '')).toBeUndefined();
    forgetSessionKey('ses_1');
    expect(sessionKeyFor('ses_1', '')).toBeUndefined();
  });

  it('a newer key in the link replaces the remembered one', () => {
    sessionKeyFor('ses_1', `#key=${KEY}`);
    const newer = KEY.split('').reverse().join('');
    expect(sessionKeyFor('ses_1', `#key=${newer}`)).toBe(newer);
    expect(sessionKeyFor('ses_1', '')).toBe(newer);
  });

  it('the kept link carries the key in the fragment, never in the query', () => {
    const url = new URL(guestSessionUrl('ses_1', KEY, 'https://tender.test'));
    expect(url.pathname).toBe('/charge/guest/ses_1');
    expect(url.search).toBe('');
    expect(url.hash).toBe(`#key=${KEY}`);
  });
});

describe('the ways to pay at a connector', () => {
  const price = { currency: 'usd', holdAmount: 3000 } as Price;

  it('the USDC amount to pre-check is the cap, in dollars with its cents', () => {
    expect(decimalAmount(3000, 'usd')).toBe('30.00');
    expect(decimalAmount(5, 'usd')).toBe('0.05');
    expect(decimalAmount('123456789012', 'usd')).toBe('1234567890.12');
    expect(decimalAmount(500, 'jpy')).toBe('500');
  });

  it('a pre-check answer opens the start only for the cap itself', () => {
    expect(sameAmount({ minor: '30000000', decimals: 6 }, price)).toBe(true);
    expect(sameAmount({ minor: '29999999', decimals: 6 }, price)).toBe(false);
    expect(sameAmount({ minor: '3000000', decimals: 6 }, price)).toBe(false);
  });

  it('the hold or the cap in words, as the choice is', () => {
    expect(capSentence('card', price)).toBe(
      '$30.00 is held on your card; you pay only what you use.',
    );
    expect(capSentence('link-card', price)).toBe(
      'No hold: charging stops at $30.00 unless you stop it sooner. You pay what you use, after, by a link.',
    );
    expect(capSentence('link-crypto', price)).toContain('by a link in USDC.');
  });
});

describe('a payment link in words', () => {
  it('pending, back from the checkout paid or given up, paid, expired, failed, refunded', () => {
    expect(linkWords(link(), undefined).title).toBe('€12.34 to pay by card.');
    expect(linkWords(link({ method: 'crypto' }), undefined).title).toBe('€12.34 to pay in USDC.');
    expect(linkWords(link(), 'success').title).toMatch(/waiting for the payment to be confirmed/);
    expect(linkWords(link(), 'cancel')).toMatchObject({
      tone: 'warning',
      title: 'You left the payment page without paying. €12.34 is still to pay.',
    });
    expect(linkWords(link({ status: 'PAID' }), 'success')).toEqual({
      tone: 'success',
      title: 'Paid: €12.34. Thank you.',
    });
    expect(linkWords(link({ status: 'EXPIRED' }), undefined).title).toMatch(/expired/);
    expect(linkWords(link({ status: 'FAILED' }), undefined).tone).toBe('error');
    expect(
      linkWords(link({ status: 'PARTIALLY_REFUNDED', amountRefunded: 234 }), undefined).title,
    ).toBe('Paid €12.34; €2.34 of it was refunded.');
  });
});

describe('the payment panel of a session paid by link', () => {
  let answers: Response[];
  let sent: Request[];
  beforeEach(() => {
    answers = [];
    sent = [];
    net.fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      // openapi-fetch sends a Request; the untyped calls a path and init.
      sent.push(
        input instanceof Request
          ? input
          : new Request(new URL(input instanceof URL ? input.href : input, location.href), init),
      );
      const next = answers.shift();
      return Promise.resolve(
        next ??
          json(404, {
            error: { type: 'not_found', code: 'payment_link_not_found', message: 'no link' },
          }),
      );
    });
  });
  afterEach(cleanup);

  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  function show() {
    const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    return render(
      <ChakraProvider value={system}>
        <QueryClientProvider client={queries}>
          <LinkPayment sessionId="ses_1" sessionKey={KEY} />
        </QueryClientProvider>
      </ChakraProvider>,
    );
  }

  it('while the link is being made it says so; the key goes as a header', async () => {
    show();
    await screen.findByText(/your payment link is being made/);
    expect(new URL(sent[0]!.url).pathname).toBe('/api/v1/payment/link/ses_1');
    expect(sent[0]!.headers.get('x-session-key')).toBe(KEY);
  });

  it('pending: Pay now goes to the checkout page', async () => {
    answers.push(json(200, link()));
    show();
    const pay = await screen.findByRole('link', { name: 'Pay now' });
    expect(pay.getAttribute('href')).toBe('http://sandbox.test/c/pay/cs_1');
    // Priced in euros: no USDC switch.
    expect(screen.queryByRole('button', { name: /USDC/ })).toBeNull();
  });

  it('expired: a new link, asked once with an Idempotency-Key, replaces it', async () => {
    answers.push(json(200, link({ status: 'EXPIRED', paymentUrl: null })));
    show();
    const renew = await screen.findByRole('button', { name: 'Make a new payment link' });
    expect(screen.queryByRole('link', { name: 'Pay now' })).toBeNull();
    answers.push(json(201, link({ paymentUrl: 'http://sandbox.test/c/pay/cs_2' })));
    await act(async () => {
      fireEvent.click(renew);
      await Promise.resolve();
    });
    const pay = await screen.findByRole('link', { name: 'Pay now' });
    expect(pay.getAttribute('href')).toBe('http://sandbox.test/c/pay/cs_2');
    const post = sent.find((r) => r.method === 'POST')!;
    expect(new URL(post.url).pathname).toBe('/api/v1/payment/recreate-link');
    expect(post.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(post.headers.get('x-session-key')).toBe(KEY);
    expect(await post.json()).toEqual({ sessionId: 'ses_1' });
  });

  it('a refused new link is told in words, and the page stays usable', async () => {
    answers.push(json(200, link({ status: 'FAILED', paymentUrl: null, currency: 'usd' })));
    show();
    const renew = await screen.findByRole('button', { name: 'Make a new payment link' });
    expect(screen.getByRole('button', { name: 'Pay in USDC instead' })).toBeTruthy();
    answers.push(
      json(409, {
        error: { type: 'conflict', code: 'payment_link_paid', message: 'The session is paid' },
      }),
    );
    await act(async () => {
      fireEvent.click(renew);
      await Promise.resolve();
    });
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('The session is paid.'),
    );
  });
});
