import { Alert, Button, Field, Input, List, RadioGroup, Stack, Text } from '@chakra-ui/react';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/errors';
import { currencyExponent, formatMoney } from '../../lib/format';
import { CardPayment } from '../../payment/card-payment';
import { ErrorState } from '../../shell/page';
import type { Price } from '../driver/queries';
import { shortfallText, UsdcPrecheck, type Chain, type PrecheckResult } from '../usdc-precheck';

type Shortfall = PrecheckResult['shortfalls'][number];
import { useStartAdHoc, type StartPayment, type Started } from './queries';
import { rememberSessionKey } from './session-key';

/** The three ways to pay without a saved card. */
export type PayChoice = 'card' | 'link-card' | 'link-crypto';

/** The cap or the hold, in words, for the way the driver pays (the price panel shows it too). */
export function capSentence(choice: PayChoice, p: Price): string {
  const cap = formatMoney(p.holdAmount, p.currency);
  if (choice === 'card') return `${cap} is held on your card; you pay only what you use.`;
  return `No hold: charging stops at ${cap} unless you stop it sooner. You pay what you use, after, by a link${choice === 'link-crypto' ? ' in USDC' : ''}.`;
}

/** Minor units as a decimal string ("5000" in usd → "50.00"): the USDC amount to pre-check. */
export function decimalAmount(minor: number | string, currency: string): string {
  const exp = currencyExponent(currency);
  const digits = BigInt(minor)
    .toString()
    .padStart(exp + 1, '0');
  return exp ? `${digits.slice(0, -exp)}.${digits.slice(-exp)}` : digits;
}

/** A pre-checked USDC amount (its own decimals) against a price's minor units. */
export function sameAmount(a: { minor: string; decimals: number }, p: Price): boolean {
  const exp = currencyExponent(p.currency);
  if (a.decimals < exp) return false;
  return BigInt(a.minor) === BigInt(p.holdAmount) * 10n ** BigInt(a.decimals - exp);
}

const NEEDS_ACCOUNT =
  'A card hold needs an account on this server: sign in, or choose "Pay after by card link".';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** USDC is a dollar coin: a session priced in another currency cannot be paid with it. */
export const usdcPossible = (p: Price) => p.currency.toLowerCase() === 'usd';

/**
 * Start without a saved card (a visitor without an account, or a driver who wants another way):
 * a card typed here (a hold on it), a card link after, or a USDC link after (the wallet checked
 * first). An optional e-mail gets the receipt. A guest then goes to the session's own link.
 */
export function AdHocStart({
  connectorId,
  price,
  startable,
  signedIn,
  choice,
  onChoice,
}: {
  connectorId: string;
  price: Price;
  startable: boolean;
  signedIn: boolean;
  choice: PayChoice;
  onChoice(c: PayChoice): void;
}) {
  const navigate = useNavigate();
  const start = useStartAdHoc();
  const [email, setEmail] = useState('');
  const [precheck, setPrecheck] = useState<PrecheckResult>();
  const started = useRef<Started | undefined>(undefined);
  const cap = decimalAmount(price.holdAmount, price.currency);
  const emailBad = email.trim() !== '' && !EMAIL.test(email.trim());

  const go = (s: Started) => {
    if (s.accessKey) {
      rememberSessionKey(s.sessionId, s.accessKey);
      void navigate({
        pathname: `/charge/guest/${encodeURIComponent(s.sessionId)}`,
        hash: `key=${encodeURIComponent(s.accessKey)}`,
      });
    } else void navigate(`/charge/sessions/${encodeURIComponent(s.sessionId)}`);
  };
  const body = (payment: StartPayment) => ({
    connectorId,
    payment,
    ...(email.trim() && !signedIn ? { email: email.trim() } : {}),
  });
  const startByLink = (payment: StartPayment) => start.mutate(body(payment), { onSuccess: go });

  // Ok for the cap itself (the amount field is locked to it; the server checks again at the start).
  const usdcReady = !!precheck?.ok && sameAmount(precheck.amount, price);
  return (
    <Stack gap={4}>
      <RadioGroup.Root
        value={choice}
        onValueChange={(e) => {
          if (!e.value) return;
          start.reset();
          onChoice(e.value as PayChoice);
        }}
      >
        <RadioGroup.Label fontWeight="medium" mb={2}>
          How do you want to pay?
        </RadioGroup.Label>
        <Stack gap={3}>
          <Choice
            value="card"
            label="Card"
            hint="A hold on your card now; you pay only what you use."
          />
          <Choice
            value="link-card"
            label="Pay after by card link"
            hint="No hold: you get a payment link when you stop."
          />
          <Choice
            value="link-crypto"
            label="Pay after in USDC"
            hint={
              usdcPossible(price)
                ? 'Your wallet is checked first; you get a USDC payment link when you stop.'
                : 'Only where the price is in US dollars.'
            }
            disabled={!usdcPossible(price)}
          />
        </Stack>
      </RadioGroup.Root>

      <Text data-testid="pay-cap" bg="teal.50" color="teal.900" p={3} borderRadius="md">
        {capSentence(choice, price)}
      </Text>

      {!signedIn && (
        <Field.Root invalid={emailBad}>
          <Field.Label>E-mail for the receipt (optional)</Field.Label>
          <Input
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            placeholder="you@example.com"
          />
          <Field.ErrorText>
            Enter an e-mail address like you@example.com, or leave it empty.
          </Field.ErrorText>
        </Field.Root>
      )}
      {!startable && <Text color="fg.muted">This connector cannot start just now.</Text>}

      {choice === 'card' && (
        <CardPayment
          submitLabel="Start charging"
          successText="The hold is on your card: starting the charger…"
          disabled={!startable || emailBad}
          confirm={async (paymentMethodId) => {
            try {
              started.current = await start.mutateAsync(body({ type: 'card', paymentMethodId }));
            } catch (err) {
              // A server that holds cards for accounts only says so: not "your session ended".
              if (err instanceof ApiError && err.body?.code === 'sign_in_required')
                return { kind: 'declined', reason: NEEDS_ACCOUNT };
              throw err;
            }
            return { kind: 'succeeded' };
          }}
          onSucceeded={() => started.current && go(started.current)}
        />
      )}

      {choice === 'link-card' && (
        <StartButton
          disabled={!startable || emailBad}
          pending={start.isPending}
          error={start.error}
          onClick={() => startByLink({ type: 'link', method: 'card' })}
        />
      )}

      {choice === 'link-crypto' && (
        <Stack gap={4}>
          <UsdcPrecheck defaultAmount={cap} amountLocked onResult={setPrecheck} />
          {precheck && !precheck.ok && (
            <Text color="fg.muted">Top up the wallet, or choose another way to pay.</Text>
          )}
          <StartButton
            disabled={!startable || emailBad || !usdcReady}
            pending={start.isPending}
            error={start.error}
            chain={precheck?.chain}
            onClick={() =>
              precheck &&
              startByLink({
                type: 'link',
                method: 'crypto',
                walletAddress: precheck.walletAddress,
                chain: precheck.chain,
              })
            }
          />
          {!usdcReady && (
            <Text fontSize="sm" color="fg.muted">
              Check a wallet that holds {cap} USDC and the network fee to start.
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}

function Choice({
  value,
  label,
  hint,
  disabled,
}: {
  value: PayChoice;
  label: string;
  hint: string;
  disabled?: boolean;
}) {
  return (
    <RadioGroup.Item value={value} disabled={disabled} alignItems="start" data-testid="pay-choice">
      <RadioGroup.ItemHiddenInput />
      <RadioGroup.ItemIndicator mt={1} />
      <Stack gap={0}>
        <RadioGroup.ItemText fontWeight="medium">{label}</RadioGroup.ItemText>
        <Text fontSize="sm" color="fg.muted">
          {hint}
        </Text>
      </Stack>
    </RadioGroup.Item>
  );
}

function StartButton({
  disabled,
  pending,
  error,
  chain,
  onClick,
}: {
  disabled: boolean;
  pending: boolean;
  error: unknown;
  chain?: Chain;
  onClick(): void;
}) {
  return (
    <Stack gap={2}>
      {error != null && <StartError error={error} chain={chain} />}
      <Button
        colorPalette="teal"
        size="lg"
        alignSelf={{ base: 'stretch', sm: 'start' }}
        disabled={disabled}
        loading={pending}
        loadingText="Starting"
        onClick={onClick}
      >
        Start charging
      </Button>
    </Stack>
  );
}

/** A failed start in words; a failed USDC pre-check at the start names what the wallet lacks. */
function StartError({ error, chain }: { error: unknown; chain?: Chain }) {
  if (error instanceof ApiError && error.body?.code === 'precheck_failed') {
    const details = error.body.details as { shortfalls?: Shortfall[] } | undefined;
    return (
      <Alert.Root status="warning" role="alert">
        <Alert.Indicator />
        <Alert.Content>
          <Alert.Title>The wallet cannot pay this session's cap in USDC just now.</Alert.Title>
          {chain && details?.shortfalls?.length ? (
            <List.Root ps={4}>
              {details.shortfalls.map((f) => (
                <List.Item key={f.code}>{shortfallText(f, chain)}</List.Item>
              ))}
            </List.Root>
          ) : null}
        </Alert.Content>
      </Alert.Root>
    );
  }
  return <ErrorState error={error} />;
}
