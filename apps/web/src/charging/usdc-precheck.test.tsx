import { ChakraProvider } from '@chakra-ui/react';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError } from '../api/errors';
import { system } from '../theme';
import { UsdcPrecheck, type PrecheckResult, type UsdcPrecheckProps } from './usdc-precheck';

const WALLET = '0x4E88be031D87a1674F87192F2E779Ee53d66b342';
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

function answer(over: Partial<PrecheckResult> = {}): PrecheckResult {
  return {
    ok: true,
    chain: 'polygon',
    chainId: 137,
    walletAddress: WALLET,
    usdcAddress: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    amount: usdc('12500000', '12.5'),
    usdcBalance: usdc('500000000', '500'),
    nativeBalance: pol('1000000000000000000', '1'),
    estimatedFee: {
      ...pol('117601324733844', '0.000117601324733844'),
      gasLimit: '61794',
      maxFeePerGas: '1903118826',
      basis: 'estimate',
    },
    shortfalls: [],
    ...over,
  };
}

function show(props: Partial<UsdcPrecheckProps> & Pick<UsdcPrecheckProps, 'check'>) {
  const view = render(
    <ChakraProvider value={system}>
      <UsdcPrecheck {...props} />
    </ChakraProvider>,
  );
  const state = () =>
    view.container.querySelector('[data-precheck-state]')?.getAttribute('data-precheck-state');
  const type = (label: RegExp, value: string) =>
    fireEvent.change(screen.getByLabelText(label), { target: { value } });
  // Async: the answer's state updates (a resolved check) land inside act too.
  const submit = () =>
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: /Check wallet|Checking/ }));
      return Promise.resolve();
    });
  const fill = (wallet = WALLET, amount = '12.5') => {
    type(/Wallet address/, wallet);
    type(/Amount/, amount);
  };
  return { view, state, type, submit, fill };
}

describe('the USDC pre-check component', () => {
  afterEach(cleanup);

  it('empty: says what it is for, and checks nothing until address and amount are given', () => {
    const check = vi.fn<NonNullable<UsdcPrecheckProps['check']>>();
    const { state, type } = show({ check });
    expect(state()).toBe('empty');
    expect(
      screen.getByText(/we check it holds the USDC and enough for the network fee/),
    ).toBeTruthy();
    const button = () => screen.getByRole('button', { name: 'Check wallet' });
    expect(button().hasAttribute('disabled')).toBe(true);
    type(/Wallet address/, WALLET);
    expect(button().hasAttribute('disabled')).toBe(true);
    type(/Amount/, '1');
    expect(button().hasAttribute('disabled')).toBe(false);
    expect(check).not.toHaveBeenCalled();
  });

  it('checking: says so while the server answers, and sends what was typed (trimmed), chain included', async () => {
    const check = vi.fn(() => new Promise<PrecheckResult>(() => {}));
    const { state, fill, submit } = show({ check, defaultAmount: '0.50' });
    expect(screen.getByLabelText<HTMLInputElement>(/Amount/).value).toBe('0.50');
    fill(`  ${WALLET} `, ' 12.5 ');
    fireEvent.change(screen.getByLabelText(/Network/), { target: { value: 'ethereum' } });
    await submit();
    await waitFor(() => expect(state()).toBe('checking'));
    expect(screen.getByRole('status').textContent).toBe('Checking the wallet on Ethereum…');
    expect(check).toHaveBeenCalledWith({
      walletAddress: WALLET,
      chain: 'ethereum',
      amount: '12.5',
    });
  });

  it('ok: the wallet can pay, with its balances and the network fee', async () => {
    const onResult = vi.fn();
    const { state, fill, submit } = show({ check: () => Promise.resolve(answer()), onResult });
    fill();
    await submit();
    await waitFor(() => expect(state()).toBe('answered'));
    expect(screen.getByText('This wallet can pay 12.5 USDC on Polygon.')).toBeTruthy();
    expect(
      screen.getByText('Holds 500 USDC and 1 POL; network fee about 0.000117601324733844 POL.'),
    ).toBeTruthy();
    expect(screen.queryByTestId('shortfalls')).toBeNull();
    expect(onResult).toHaveBeenCalledWith(expect.objectContaining({ ok: true }));
  });

  it('not ok: each shortfall in words, what is missing and what the wallet holds', async () => {
    const result = answer({
      ok: false,
      usdcBalance: usdc('250000', '0.25'),
      nativeBalance: pol('1000000000000', '0.000001'),
      shortfalls: [
        {
          asset: 'USDC',
          code: 'insufficient_usdc',
          required: usdc('12500000', '12.5'),
          available: usdc('250000', '0.25'),
          missing: usdc('12250000', '12.25'),
        },
        {
          asset: 'NATIVE',
          code: 'insufficient_native_for_gas',
          required: pol('117601324733844', '0.000117601324733844'),
          available: pol('1000000000000', '0.000001'),
          missing: pol('116601324733844', '0.000116601324733844'),
        },
      ],
    });
    const { state, fill, submit } = show({ check: () => Promise.resolve(result) });
    fill();
    await submit();
    await waitFor(() => expect(state()).toBe('answered'));
    expect(screen.getByText('This wallet cannot pay 12.5 USDC on Polygon yet.')).toBeTruthy();
    const items = screen.getByTestId('shortfalls').querySelectorAll('li');
    expect([...items].map((li) => li.textContent)).toEqual([
      '12.25 USDC more is needed: the wallet holds 0.25 USDC of 12.5 USDC.',
      '0.000116601324733844 POL more is needed for the Polygon network fee: the wallet holds 0.000001 POL of 0.000117601324733844 POL.',
    ]);
  });

  it('an invalid address: the server says why, under the address field', async () => {
    const check = vi.fn(() =>
      Promise.reject(
        new ApiError(400, {
          type: 'invalid_request_error',
          code: 'invalid_wallet_address',
          param: 'walletAddress',
          message: 'walletAddress: the mixed-case address fails its EIP-55 checksum (a typo?)',
        }),
      ),
    );
    const { state, fill, submit } = show({ check });
    fill('0x4e88be031D87a1674F87192F2E779Ee53d66b342');
    await submit();
    await waitFor(() => expect(state()).toBe('error'));
    expect(screen.getByText(/fails its EIP-55 checksum/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a chain that cannot be read: the reason in words, and the form stays usable', async () => {
    const check = vi
      .fn<NonNullable<UsdcPrecheckProps['check']>>()
      .mockRejectedValueOnce(
        new ApiError(503, {
          type: 'api_error',
          code: 'chain_unavailable',
          message: "Polygon's RPC could not be reached; try again later",
        }),
      )
      .mockRejectedValueOnce(new NetworkError(new TypeError('fetch failed')))
      .mockResolvedValueOnce(answer());
    const { state, fill, submit } = show({ check });
    fill();
    await submit();
    await waitFor(() => expect(state()).toBe('error'));
    expect(screen.getByRole('alert').textContent).toBe(
      "The wallet could not be checked: Polygon's RPC could not be reached; try again later.",
    );
    await submit();
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Tender cannot be reached. Check your connection and try again.',
      ),
    );
    await submit();
    await waitFor(() => expect(state()).toBe('answered'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('editing a field drops what was shown, and an answer to the old input never appears', async () => {
    let first!: (r: PrecheckResult) => void;
    const check = vi
      .fn<NonNullable<UsdcPrecheckProps['check']>>()
      .mockImplementationOnce(() => new Promise((r) => (first = r)))
      .mockResolvedValueOnce(answer({ amount: usdc('2000000', '2') }));
    const { state, fill, submit, type } = show({ check });
    fill();
    await submit();
    await waitFor(() => expect(state()).toBe('checking'));
    type(/Amount/, '2');
    expect(state()).toBe('empty');
    await submit();
    await waitFor(() => expect(state()).toBe('answered'));
    await act(() => {
      first(answer({ amount: usdc('12500000', '12.5') }));
      return Promise.resolve();
    });
    expect(screen.getByText('This wallet can pay 2 USDC on Polygon.')).toBeTruthy();
    expect(screen.queryByText(/12\.5 USDC/)).toBeNull();
  });
});
