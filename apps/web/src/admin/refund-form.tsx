import { Alert, Button, Checkbox, Field, Flex, Input, Stack, Text } from '@chakra-ui/react';
import { useRef, useState, type FormEvent } from 'react';
import { newIdempotencyKey } from '../api/client';
import { formatMoney, parseMoney } from '../lib/format';
import { ErrorState } from '../shell/page';
import { useRefund, type Payment } from './queries';

/**
 * Refund all that is left of a payment, or part of it, after a confirmation step. One
 * Idempotency-Key per attempt: retrying the same refund replays it, never refunds twice.
 */
export function RefundForm({ payment }: { payment: Payment }) {
  const left = BigInt(payment.amountCaptured) - BigInt(payment.amountRefunded);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [force, setForce] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const attempt = useRef<{ key: string; what: string } | undefined>(undefined);
  const refund = useRefund(payment.id);
  const minor = amount.trim() === '' ? left : parseMoney(amount, payment.currency);
  const invalid = minor === undefined || minor <= 0n || minor > left;
  const deposit = payment.payableType === 'wallet_deposit';

  if (left <= 0n || !['SUCCEEDED', 'PARTIALLY_REFUNDED'].includes(payment.status))
    return <Text color="fg.muted">Nothing of this payment can be refunded.</Text>;

  const review = (e: FormEvent) => {
    e.preventDefault();
    if (!invalid) setConfirming(true);
  };
  const confirm = () => {
    const what = `${String(minor)}|${reason}|${String(force)}`;
    if (attempt.current?.what !== what) attempt.current = { key: newIdempotencyKey(), what };
    refund.mutate(
      {
        key: attempt.current.key,
        amount: minor === left ? undefined : Number(minor),
        reason: reason.trim() || undefined,
        ...(force ? { force: true } : {}),
      },
      { onSettled: () => setConfirming(false) },
    );
  };
  const label = minor !== undefined && !invalid ? formatMoney(minor, payment.currency) : '';

  return (
    <Stack gap={3} maxW="lg">
      {refund.isSuccess && (
        <Alert.Root status="success" role="status">
          <Alert.Indicator />
          <Alert.Title>
            Refund {refund.data.id} of {formatMoney(refund.data.amount, payment.currency)} recorded
            ({refund.data.status.toLowerCase()}).
          </Alert.Title>
        </Alert.Root>
      )}
      {refund.isError && <ErrorState error={refund.error} />}
      {confirming ? (
        <Alert.Root status="warning" role="alertdialog" aria-labelledby="refund-confirm">
          <Alert.Indicator />
          <Alert.Content gap={3}>
            <Alert.Title id="refund-confirm">
              Refund {label} of this payment? The money goes back to the payer; this cannot be
              undone.
            </Alert.Title>
            <Flex gap={2} wrap="wrap">
              <Button colorPalette="red" onClick={confirm} loading={refund.isPending}>
                Confirm refund of {label}
              </Button>
              <Button variant="outline" onClick={() => setConfirming(false)}>
                Back
              </Button>
            </Flex>
          </Alert.Content>
        </Alert.Root>
      ) : (
        <Stack asChild gap={3}>
          <form onSubmit={review} noValidate aria-label="Refund">
            <Field.Root invalid={amount !== '' && invalid}>
              <Field.Label>Amount ({payment.currency.toUpperCase()})</Field.Label>
              <Input
                inputMode="decimal"
                value={amount}
                placeholder={formatMoney(left, payment.currency)}
                onChange={(e) => setAmount(e.target.value)}
              />
              <Field.HelperText>
                Leave empty to refund all that is left: {formatMoney(left, payment.currency)}.
              </Field.HelperText>
              {amount !== '' && invalid && (
                <Field.ErrorText>
                  Enter an amount above zero and at most {formatMoney(left, payment.currency)}.
                </Field.ErrorText>
              )}
            </Field.Root>
            <Field.Root>
              <Field.Label>Reason (optional)</Field.Label>
              <Input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
            </Field.Root>
            {deposit && (
              <Checkbox.Root checked={force} onCheckedChange={(d) => setForce(d.checked === true)}>
                <Checkbox.HiddenInput />
                <Checkbox.Control />
                <Checkbox.Label>
                  Refund even if the wallet has spent the money (the wallet goes into debt)
                </Checkbox.Label>
              </Checkbox.Root>
            )}
            <Button type="submit" colorPalette="red" variant="outline" alignSelf="start">
              Refund…
            </Button>
          </form>
        </Stack>
      )}
    </Stack>
  );
}
