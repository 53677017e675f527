import { ChakraProvider } from '@chakra-ui/react';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { system } from '../theme';
import type { CardField, CardResult } from './card-fields';
import { CardPayment, type CardOutcome, type CardPaymentProps } from './card-payment';

/** A card field that answers as the provider's would: a pm id, or a refusal. */
function fakeField(result: CardResult = { paymentMethodId: 'pm_test_1' }) {
  const handle: CardField = { create: vi.fn(() => Promise.resolve(result)) };
  return { element: <p>card field</p>, handle };
}

function show(props: Partial<CardPaymentProps> & Pick<CardPaymentProps, 'confirm'>) {
  const onSucceeded = vi.fn();
  const view = render(
    <ChakraProvider value={system}>
      <CardPayment
        submitLabel="Pay $25.00"
        successText="Paid. The money is in your wallet."
        field={fakeField()}
        onSucceeded={onSucceeded}
        pollMs={10}
        {...props}
      />
    </ChakraProvider>,
  );
  const state = () =>
    view.container.querySelector('[data-payment-state]')?.getAttribute('data-payment-state');
  const pay = () => act(() => fireEvent.click(screen.getByRole('button', { name: 'Pay $25.00' })));
  return { view, state, pay, onSucceeded };
}

describe('the payment component', () => {
  afterEach(cleanup);

  it('idle: the card field and the pay button, nothing sent yet', () => {
    const confirm = vi.fn<CardPaymentProps['confirm']>();
    const { state } = show({ confirm });
    expect(state()).toBe('idle');
    expect(screen.getByText('card field')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Pay $25.00' }).hasAttribute('disabled')).toBe(false);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('processing: while the server answers, the button is busy and says so', async () => {
    const confirm = vi.fn(() => new Promise<CardOutcome>(() => {}));
    const { state, pay } = show({ confirm });
    await pay();
    await waitFor(() => expect(state()).toBe('processing'));
    expect(screen.getByText('Processing the card…')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Processing/ }).hasAttribute('disabled')).toBe(true);
    // Only the payment method id goes to the server.
    expect(confirm).toHaveBeenCalledWith('pm_test_1');
  });

  it('3-D Secure: the bank page is framed and the outcome polled until it settles', async () => {
    const settle = vi
      .fn<() => Promise<CardOutcome | undefined>>()
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce(undefined)
      .mockResolvedValue({ kind: 'succeeded' });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const confirm = vi.fn((): Promise<CardOutcome> =>
      Promise.resolve({
        kind: 'authenticate',
        url: 'about:blank#3ds',
        settle: async () => {
          await gate;
          return settle();
        },
      }),
    );
    const { state, pay, onSucceeded } = show({ confirm });
    await pay();
    await waitFor(() => expect(state()).toBe('authenticating'));
    expect(screen.getByText(/Your bank asks you to confirm/)).toBeTruthy();
    const frame = screen.getByTitle('3-D Secure authentication');
    expect(frame.getAttribute('src')).toBe('about:blank#3ds');
    release();
    await waitFor(() => expect(state()).toBe('succeeded'));
    expect(settle).toHaveBeenCalledTimes(3);
    expect(onSucceeded).toHaveBeenCalledTimes(1);
  });

  it('3-D Secure on the whole page when the field says so (Stripe: the banks own the pages)', async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {});
    const field = fakeField();
    field.handle.threeDSecure = 'page';
    const settle = vi.fn(() => Promise.resolve(undefined));
    const { pay } = show({
      field,
      confirm: () =>
        Promise.resolve({ kind: 'authenticate', url: 'https://bank.test/3ds', settle }),
    });
    await pay();
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://bank.test/3ds'));
    expect(screen.queryByTitle('3-D Secure authentication')).toBeNull();
    expect(settle).not.toHaveBeenCalled();
    assign.mockRestore();
  });

  it('declined: the reason in words from the decline code, and another card can be tried', async () => {
    const confirm = vi.fn(() =>
      Promise.reject(
        new ApiError(402, {
          type: 'card_error',
          code: 'card_declined',
          decline_code: 'insufficient_funds',
          message: 'Your card has insufficient funds.',
        }),
      ),
    );
    const { state, pay } = show({ confirm });
    await pay();
    await waitFor(() => expect(state()).toBe('declined'));
    expect(screen.getByTestId('decline-reason').textContent).toBe(
      'The card has insufficient funds.',
    );
    expect(screen.getByRole('alert').textContent).not.toMatch(/[{}]|insufficient_funds/);
    await act(() => fireEvent.click(screen.getByRole('button', { name: 'Try another card' })));
    expect(state()).toBe('idle');
  });

  it('declined by the provider before any payment (a wrong number), and after a failed 3-D Secure', async () => {
    const confirm = vi.fn<CardPaymentProps['confirm']>();
    const refused = show({
      confirm,
      field: fakeField({
        error: { code: 'incorrect_number', message: 'Your card number is incorrect.' },
      }),
    });
    await refused.pay();
    await waitFor(() => expect(refused.state()).toBe('declined'));
    expect(screen.getByTestId('decline-reason').textContent).toBe('The card number is incorrect.');
    expect(confirm).not.toHaveBeenCalled();
    cleanup();

    const failed = show({
      confirm: () =>
        Promise.resolve({
          kind: 'authenticate',
          url: 'about:blank',
          settle: () =>
            Promise.resolve({ kind: 'declined', reason: 'The bank could not confirm it was you.' }),
        }),
    });
    await failed.pay();
    await waitFor(() => expect(failed.state()).toBe('declined'));
    expect(screen.getByTestId('decline-reason').textContent).toBe(
      'The bank could not confirm it was you.',
    );
  });

  it('succeeded: says so and tells the page', async () => {
    const { state, pay, onSucceeded } = show({
      confirm: () => Promise.resolve({ kind: 'succeeded' }),
    });
    await pay();
    await waitFor(() => expect(state()).toBe('succeeded'));
    expect(screen.getByRole('status').textContent).toContain('Paid. The money is in your wallet.');
    expect(onSucceeded).toHaveBeenCalledTimes(1);
  });

  it('an error that is not a decline is told in words and leaves the form to retry', async () => {
    const { state, pay } = show({
      confirm: () =>
        Promise.reject(
          new ApiError(409, {
            type: 'conflict_error',
            code: 'wallet_locked',
            message: 'The wallet is locked',
          }),
        ),
    });
    await pay();
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('The wallet is locked.'),
    );
    expect(state()).toBe('idle');
  });
});
