import { ChakraProvider } from '@chakra-ui/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { system } from '../../theme';
import type { Price } from '../driver/queries';
import { AdHocStart, type PayChoice } from './ad-hoc-start';

// The API client keeps the fetch it found at import: it is given one that forwards to the test's.
const net = vi.hoisted(() => {
  const n = { fetch: (() => Promise.reject(new Error('no fetch in this test'))) as typeof fetch };
  globalThis.fetch = (...a: Parameters<typeof fetch>) => n.fetch(...a);
  return n;
});

const WALLET = '0x4E88be031D87a1674F87192F2E779Ee53d66b342';
const KEY = 'q0u9mHc3vN4x7b2pT6yWzA1sE8dF5gJ0kL3nR7tV9wX';
const price = { currency: 'usd', holdAmount: 3000 } as Price;
const usdc = (minor: string, formatted: string) => ({
  minor,
  decimals: 6,
  formatted,
  symbol: 'USDC',
});
const pol = (minor: string, formatted: string) => ({
  minor,
  decimals: 18,
  formatted,
  symbol: 'POL',
});
const precheck = {
  ok: true,
  chain: 'polygon',
  chainId: 137,
  walletAddress: WALLET,
  usdcAddress: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  amount: usdc('30000000', '30'),
  usdcBalance: usdc('500000000', '500'),
  nativeBalance: pol('1000000000000000000', '1'),
  estimatedFee: {
    ...pol('1176013247', '0.000000001176013247'),
    gasLimit: '61794',
    maxFeePerGas: '19',
    basis: 'estimate',
  },
  shortfalls: [],
};
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function Harness({ signedIn = false }: { signedIn?: boolean }) {
  const [choice, setChoice] = useState<PayChoice>('link-crypto');
  return (
    <AdHocStart
      connectorId="connector_1"
      price={price}
      startable
      signedIn={signedIn}
      choice={choice}
      onChoice={setChoice}
    />
  );
}

function GuestPage() {
  const { pathname, hash } = useLocation();
  return <p data-testid="landed">{pathname + hash}</p>;
}

function show() {
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <ChakraProvider value={system}>
      <QueryClientProvider client={queries}>
        <MemoryRouter initialEntries={['/charge/connector_1']}>
          <Routes>
            <Route path="/charge/connector_1" element={<Harness />} />
            <Route path="/charge/guest/:id" element={<GuestPage />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </ChakraProvider>,
  );
}

describe('starting without an account, paying after in USDC', () => {
  let starts: { key: string | null; body: unknown }[];
  let startAnswers: Response[];
  beforeEach(() => {
    sessionStorage.clear();
    starts = [];
    startAnswers = [];
    net.fetch = vi.fn(async (input: RequestInfo | URL) => {
      const r = input as Request;
      const path = new URL(r.url).pathname;
      if (path === '/api/v1/payment/precheck') return json(200, precheck);
      if (path === '/api/v1/session/start') {
        starts.push({ key: r.headers.get('idempotency-key'), body: await r.json() });
        return startAnswers.shift() ?? json(500, {});
      }
      return json(404, {
        error: { type: 'invalid_request_error', code: 'not_found', message: 'no' },
      });
    });
  });
  afterEach(cleanup);

  const start = () => screen.getByRole('button', { name: 'Start charging' });
  async function checkWallet() {
    const amount = screen.getByLabelText<HTMLInputElement>(/Amount \(USDC\)/);
    // The cap, not the payer's to change.
    expect(amount.value).toBe('30.00');
    expect(amount.readOnly).toBe(true);
    expect((start() as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/Wallet address/), { target: { value: WALLET } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Check wallet' }));
      await Promise.resolve();
    });
    await waitFor(() => expect((start() as HTMLButtonElement).disabled).toBe(false));
  }

  it('a wallet the server finds short at the start: its shortfall in words; the next press is a new attempt that lands on the guest page', async () => {
    show();
    await checkWallet();
    startAnswers.push(
      json(402, {
        error: {
          type: 'card_error',
          code: 'precheck_failed',
          message: 'The wallet cannot pay',
          details: {
            shortfalls: [
              {
                code: 'insufficient_usdc',
                asset: 'USDC',
                required: usdc('30000000', '30'),
                available: usdc('250000', '0.25'),
                missing: usdc('29750000', '29.75'),
              },
            ],
          },
        },
      }),
    );
    await act(async () => {
      fireEvent.click(start());
      await Promise.resolve();
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      "The wallet cannot pay this session's cap in USDC just now.",
    );
    expect(alert.textContent).toContain(
      '29.75 USDC more is needed: the wallet holds 0.25 USDC of 30 USDC.',
    );
    expect(starts[0]!.body).toEqual({
      connectorId: 'connector_1',
      payment: { type: 'link', method: 'crypto', walletAddress: WALLET, chain: 'polygon' },
    });

    startAnswers.push(json(201, { sessionId: 'ses_9', status: 'STARTING', accessKey: KEY }));
    await act(async () => {
      fireEvent.click(start());
      await Promise.resolve();
    });
    const landed = await screen.findByTestId('landed');
    expect(landed.textContent).toBe(`/charge/guest/ses_9#key=${KEY}`);
    expect(sessionStorage.getItem('tender.session-key.ses_9')).toBe(KEY);
    // An answered attempt is over: the second press is a new one.
    expect(starts[1]!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(starts[1]!.key).not.toBe(starts[0]!.key);
  });

  it('a receipt e-mail goes with the start; a malformed one holds it back', async () => {
    show();
    await checkWallet();
    const email = screen.getByLabelText(/E-mail for the receipt/);
    fireEvent.change(email, { target: { value: 'not-an-address' } });
    expect((start() as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(email, { target: { value: ' guest@example.test ' } });
    expect((start() as HTMLButtonElement).disabled).toBe(false);
    startAnswers.push(json(201, { sessionId: 'ses_8', status: 'STARTING', accessKey: KEY }));
    await act(async () => {
      fireEvent.click(start());
      await Promise.resolve();
    });
    await screen.findByTestId('landed');
    expect(starts[0]!.body).toMatchObject({ email: 'guest@example.test' });
  });
});
