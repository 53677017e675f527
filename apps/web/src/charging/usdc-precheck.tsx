import {
  Alert,
  Box,
  Button,
  Field,
  Input,
  List,
  NativeSelect,
  Stack,
  Text,
} from '@chakra-ui/react';
import { useRef, useState, type FormEvent } from 'react';
import { api, call } from '../api/client';
import { ApiError, describeError } from '../api/errors';
import type { paths } from '../api/openapi';

type Operation = paths['/api/v1/payment/precheck']['post'];
type Body = Operation['requestBody']['content']['application/json'];
export type PrecheckResult = Operation['responses'][200]['content']['application/json'];
export type Chain = PrecheckResult['chain'];
type Amount = PrecheckResult['amount'];

const CHAINS: { value: Chain; label: string }[] = [
  { value: 'polygon', label: 'Polygon' },
  { value: 'ethereum', label: 'Ethereum' },
];
const chainLabel = (c: Chain) => CHAINS.find((x) => x.value === c)?.label ?? c;

/** The server's pre-check (POST /api/v1/payment/precheck); public, so no session is needed. */
export const checkWallet = (body: Body) =>
  call(() => api.POST('/api/v1/payment/precheck', { body }));

export interface UsdcPrecheckProps {
  /** The amount to check, in USDC ("12.50"): the session's price or estimate, when known. */
  defaultAmount?: string;
  defaultChain?: Chain;
  /** Tests give their own; the app asks the server. */
  check?: (body: Body) => Promise<PrecheckResult>;
  /**
   * Every answer, for a page that enables "Pay with USDC" only when it is ok; undefined when an
   * edit (or a new check) makes the last answer stale.
   */
  onResult?(result: PrecheckResult | undefined): void;
  /** The amount is the page's (a session's cap), not the payer's to change. */
  amountLocked?: boolean;
}

const show = (a: Amount) => `${a.formatted} ${a.symbol}`;

/** A shortfall in words: what is missing, and what the wallet holds of what it needs. */
export function shortfallText(s: PrecheckResult['shortfalls'][number], chain: Chain): string {
  const holds = `the wallet holds ${show(s.available)} of ${show(s.required)}`;
  return s.asset === 'USDC'
    ? `${show(s.missing)} more is needed: ${holds}.`
    : `${show(s.missing)} more is needed for the ${chainLabel(chain)} network fee: ${holds}.`;
}

/** One sentence for a failure; a chain that cannot be read says which and why (the server knows). */
function failureText(err: unknown): string {
  if (err instanceof ApiError && err.status === 503 && err.body?.message)
    return `The wallet could not be checked: ${err.body.message}.`;
  return describeError(err);
}

/**
 * Seed 000's USDC pre-check for a driver about to pay by USDC link: wallet address, chain and
 * amount → whether the wallet holds the USDC and the gas, and if not, what is missing. States in
 * words: empty (nothing checked yet), checking, the answer, or the failure. One column, so it fits
 * 375 px; addresses break anywhere rather than widen the page.
 */
export function UsdcPrecheck({
  defaultAmount = '',
  defaultChain = 'polygon',
  check = checkWallet,
  onResult,
  amountLocked = false,
}: UsdcPrecheckProps) {
  const [walletAddress, setWalletAddress] = useState('');
  const [chain, setChain] = useState<Chain>(defaultChain);
  const [amount, setAmount] = useState(defaultAmount);
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<PrecheckResult>();
  const [error, setError] = useState<unknown>();
  // Only the latest request's answer is shown: a slow earlier one must not overwrite it.
  const latest = useRef(0);
  /** A field changed: what was shown (or is on its way) is about other input, so it goes. */
  const edited =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      latest.current++;
      setChecking(false);
      setResult(undefined);
      setError(undefined);
      onResult?.(undefined);
      set(v);
    };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { walletAddress: walletAddress.trim(), chain, amount: amount.trim() };
    if (!body.walletAddress || !body.amount) return;
    const mine = ++latest.current;
    setChecking(true);
    setError(undefined);
    setResult(undefined);
    onResult?.(undefined);
    try {
      const answer = await check(body);
      if (mine !== latest.current) return;
      setResult(answer);
      onResult?.(answer);
    } catch (err) {
      if (mine === latest.current) setError(err);
    } finally {
      if (mine === latest.current) setChecking(false);
    }
  };

  const invalid = error instanceof ApiError && error.status === 400 ? error.body : undefined;
  const fieldError = (param: string) => (invalid?.param === param ? invalid.message : undefined);
  const state = checking ? 'checking' : error ? 'error' : result ? 'answered' : 'empty';

  return (
    <Stack gap={4} w="full" maxW="md" data-precheck-state={state}>
      <Stack asChild gap={3}>
        <form onSubmit={(e) => void submit(e)} noValidate aria-label="Check a USDC wallet">
          <Field.Root invalid={!!fieldError('walletAddress')} required>
            <Field.Label>Wallet address</Field.Label>
            <Input
              value={walletAddress}
              placeholder="0x…"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              fontFamily="mono"
              onChange={(e) => edited(setWalletAddress)(e.target.value)}
            />
            <Field.ErrorText>{fieldError('walletAddress')}</Field.ErrorText>
          </Field.Root>
          <Field.Root>
            <Field.Label>Network</Field.Label>
            <NativeSelect.Root>
              <NativeSelect.Field
                value={chain}
                onChange={(e) => edited(setChain)(e.target.value as Chain)}
              >
                {CHAINS.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </NativeSelect.Field>
              <NativeSelect.Indicator />
            </NativeSelect.Root>
          </Field.Root>
          <Field.Root invalid={!!fieldError('amount')} required>
            <Field.Label>Amount (USDC)</Field.Label>
            <Input
              value={amount}
              inputMode="decimal"
              placeholder="12.50"
              readOnly={amountLocked}
              onChange={(e) => edited(setAmount)(e.target.value)}
            />
            <Field.ErrorText>{fieldError('amount')}</Field.ErrorText>
          </Field.Root>
          <Button
            type="submit"
            colorPalette="teal"
            loading={checking}
            loadingText="Checking…"
            disabled={!walletAddress.trim() || !amount.trim()}
            w={{ base: 'full', sm: 'auto' }}
            alignSelf="start"
          >
            Check wallet
          </Button>
        </form>
      </Stack>

      {state === 'empty' && (
        <Text color="fg.muted">
          Enter the wallet you will pay from: we check it holds the USDC and enough for the network
          fee before you charge.
        </Text>
      )}
      {state === 'checking' && (
        <Text role="status" color="fg.muted">
          Checking the wallet on {chainLabel(chain)}…
        </Text>
      )}
      {state === 'error' && !invalid && (
        <Alert.Root status="error" role="alert">
          <Alert.Indicator />
          <Alert.Title>{failureText(error)}</Alert.Title>
        </Alert.Root>
      )}
      {result && <Answer result={result} />}
    </Stack>
  );
}

function Answer({ result }: { result: PrecheckResult }) {
  const fee = `about ${show(result.estimatedFee)}`;
  return (
    <Alert.Root status={result.ok ? 'success' : 'warning'} role="status">
      <Alert.Indicator />
      <Alert.Content gap={2} minW={0}>
        <Alert.Title>
          {result.ok
            ? `This wallet can pay ${show(result.amount)} on ${chainLabel(result.chain)}.`
            : `This wallet cannot pay ${show(result.amount)} on ${chainLabel(result.chain)} yet.`}
        </Alert.Title>
        {!result.ok && (
          <List.Root ps={4} data-testid="shortfalls">
            {result.shortfalls.map((s) => (
              <List.Item key={s.code}>{shortfallText(s, result.chain)}</List.Item>
            ))}
          </List.Root>
        )}
        <Alert.Description>
          <Box as="span" display="block">
            Holds {show(result.usdcBalance)} and {show(result.nativeBalance)}; network fee {fee}.
          </Box>
          <Box as="span" display="block" fontFamily="mono" fontSize="xs" wordBreak="break-all">
            {result.walletAddress}
          </Box>
        </Alert.Description>
      </Alert.Content>
    </Alert.Root>
  );
}
