import { ChakraProvider } from '@chakra-ui/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { system } from '../theme';
import { ConfiguredCardField, SandboxCardField, type CardField } from './card-fields';

// Stripe.js is never fetched here: its loader is replaced, to see when (and with what) it is called.
const stripe = vi.hoisted(() => {
  const card = { mount: vi.fn(), destroy: vi.fn() };
  const client = {
    elements: vi.fn(() => ({ create: vi.fn(() => card) })),
    createPaymentMethod: vi.fn(),
  };
  return { card, client, loadStripe: vi.fn(() => Promise.resolve(client)) };
});
vi.mock('@stripe/stripe-js/pure', () => ({ loadStripe: stripe.loadStripe }));

type Config = { cardEntry: 'stripe' | 'sandbox'; publishableKey?: string; sandboxUrl?: string };

function withConfig(config: Config, onReady = vi.fn()) {
  const queries = new QueryClient();
  queries.setQueryData(['config'], config); // what GET /config answered (staleTime: Infinity)
  render(
    <ChakraProvider value={system}>
      <QueryClientProvider client={queries}>
        <ConfiguredCardField onReady={onReady} />
      </QueryClientProvider>
    </ChakraProvider>,
  );
  return onReady;
}

describe('the card field the server names', () => {
  afterEach(() => {
    cleanup();
    vi.clearAllMocks();
  });

  it("sandbox: frames the sandbox's card form for this origin; Stripe.js is not loaded", () => {
    withConfig({ cardEntry: 'sandbox', sandboxUrl: 'http://127.0.0.1:12111' });
    const frame = screen.getByTitle('Card details');
    expect(frame.getAttribute('src')).toBe(
      `http://127.0.0.1:12111/_sandbox/elements/card?origin=${encodeURIComponent(window.location.origin)}`,
    );
    expect(stripe.loadStripe).not.toHaveBeenCalled();
  });

  it('real Stripe without a publishable key: says so, and loads nothing', () => {
    withConfig({ cardEntry: 'stripe' });
    expect(screen.getByText(/no publishable key is set/)).toBeTruthy();
    expect(stripe.loadStripe).not.toHaveBeenCalled();
  });

  it('real Stripe with a publishable key: Elements, and its payment method id or decline', async () => {
    const onReady = withConfig({ cardEntry: 'stripe', publishableKey: 'pk_test_123' });
    await waitFor(() => expect(onReady).toHaveBeenCalled());
    expect(stripe.loadStripe).toHaveBeenCalledWith('pk_test_123');
    expect(stripe.card.mount).toHaveBeenCalledTimes(1);
    const field = onReady.mock.calls[0]![0] as CardField;
    stripe.client.createPaymentMethod.mockResolvedValueOnce({ paymentMethod: { id: 'pm_1' } });
    expect(await field.create()).toEqual({ paymentMethodId: 'pm_1' });
    expect(stripe.client.createPaymentMethod).toHaveBeenCalledWith({
      type: 'card',
      card: stripe.card,
    });
    stripe.client.createPaymentMethod.mockResolvedValueOnce({
      error: {
        code: 'card_declined',
        decline_code: 'lost_card',
        message: 'Your card was declined.',
      },
    });
    expect(await field.create()).toEqual({
      error: { code: 'lost_card', message: 'Your card was declined.' },
    });
  });
});

describe("the sandbox's framed card form", () => {
  afterEach(cleanup);

  it('takes messages only from its frame on the sandbox origin', () => {
    const onReady = vi.fn();
    render(<SandboxCardField sandboxUrl="http://127.0.0.1:12111" onReady={onReady} />);
    const frame = screen.getByTitle<HTMLIFrameElement>('Card details');
    const ready = { type: 'tender:card-ready' };
    const post = (init: MessageEventInit) =>
      act(() => {
        window.dispatchEvent(new MessageEvent('message', { data: ready, ...init }));
      });
    post({ origin: 'https://evil.test', source: frame.contentWindow });
    post({ origin: 'http://127.0.0.1:12111', source: window });
    post({ origin: 'http://127.0.0.1:12111' });
    expect(onReady).not.toHaveBeenCalled();
    // The frame's own message (a loaded frame) is the browser test's: apps/web/test/cards.test.ts.
  });
});
