import { Button, Field, Input, Stack, Text } from '@chakra-ui/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api, call, newIdempotencyKey } from '../api/client';
import { formatMoney, parseMoney } from '../lib/format';
import { CardPayment, type PaymentState } from '../payment/card-payment';
import { paymentOutcome } from '../payment/outcomes';
import { ErrorState } from '../shell/page';

/**
 * Top-up by card through the payment component (the card is typed on the provider's origin; only
 * its pm id reaches Tender), or on the provider's hosted page.
 */
export function TopUp({ currency }: { currency: string }) {
  const [amount, setAmount] = useState('');
  // A fresh component (and card field) for the next top-up once one succeeded.
  const [round, setRound] = useState(0);
  const [done, setDone] = useState(false);
  const [state, setState] = useState<PaymentState>('idle');
  const queries = useQueryClient();
  const minor = parseMoney(amount, currency);
  const valid = minor !== undefined && minor > 0n;
  const invalid = amount !== '' && !valid;

  const confirm = async (paymentMethodId: string) => {
    const p = await call(() =>
      api.POST('/api/v1/wallet/deposit', {
        // One key per attempt: a new card after a decline is a new payment.
        params: { header: { 'Idempotency-Key': newIdempotencyKey() } },
        body: { amount: Number(minor), currency, paymentMethodId },
      }),
    );
    // Settling without the payer (rare for cards): the note below says the money follows.
    return paymentOutcome(p) ?? { kind: 'succeeded' as const };
  };

  return (
    <Stack gap={3} bg="white" p={4} borderRadius="md" borderWidth="1px" maxW="md">
      <Text as="h2" fontWeight="semibold">
        Add money by card
      </Text>
      <Field.Root invalid={invalid} disabled={done}>
        <Field.Label>Amount ({currency.toUpperCase()})</Field.Label>
        <Input
          inputMode="decimal"
          placeholder="25.00"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
        {invalid && <Field.ErrorText>Enter an amount such as 25 or 25.50.</Field.ErrorText>}
      </Field.Root>
      <CardPayment
        key={round}
        submitLabel={valid ? `Pay ${formatMoney(minor, currency)}` : 'Pay'}
        successText="Card payment received. The money shows here as soon as the payment is confirmed."
        disabled={!valid}
        confirm={confirm}
        onStateChange={setState}
        onSucceeded={() => {
          setDone(true);
          void queries.invalidateQueries({ queryKey: ['wallet'] });
        }}
      />
      {done ? (
        <Button
          alignSelf="start"
          variant="outline"
          onClick={() => {
            setDone(false);
            setAmount('');
            setRound((r) => r + 1);
          }}
        >
          Add more money
        </Button>
      ) : (
        // The other way to pay, while no card payment is under way here.
        (state === 'idle' || state === 'declined') && (
          <HostedTopUp currency={currency} minor={valid ? minor : undefined} />
        )
      )}
    </Stack>
  );
}

/** The same top-up on the provider's hosted page, and back to the wallet. */
function HostedTopUp({ currency, minor }: { currency: string; minor: bigint | undefined }) {
  const attempt = useRef<{ key: string; minor: bigint } | undefined>(undefined);
  const deposit = useMutation({
    mutationFn: (amount: bigint) => {
      if (attempt.current?.minor !== amount)
        attempt.current = { key: newIdempotencyKey(), minor: amount };
      const back = `${window.location.origin}/wallet`;
      return call(() =>
        api.POST('/api/v1/wallet/deposit', {
          params: { header: { 'Idempotency-Key': attempt.current!.key } },
          body: {
            amount: Number(amount),
            currency,
            successUrl: `${back}?topup=success`,
            cancelUrl: `${back}?topup=cancel`,
          },
        }),
      );
    },
    onSuccess: (p) => {
      if (p.nextActionUrl) window.location.assign(p.nextActionUrl);
    },
  });
  return (
    <>
      {deposit.isError && <ErrorState error={deposit.error} />}
      <Button
        alignSelf="start"
        variant="ghost"
        size="sm"
        loading={deposit.isPending}
        disabled={minor === undefined}
        onClick={() => minor !== undefined && deposit.mutate(minor)}
      >
        Pay on the card provider's page instead
      </Button>
    </>
  );
}
