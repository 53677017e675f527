import { Flex, Separator, Stack, Text } from '@chakra-ui/react';
import { formatDuration, formatKwh, formatMoney } from '../../lib/format';
import { ErrorState, Loading } from '../../shell/page';
import { Panel } from '../../shell/panel';
import { useGuestReceipt } from '../guest/queries';
import { useReceipt, type ChargingSession, type Receipt as ReceiptData } from './queries';

type Line = ReceiptData['lines'][number];

function lineLabel(l: Line): string {
  // A tariff with time-of-day periods prices energy and time per period: its name tells them apart.
  const when = l.period ? ` (${l.period})` : '';
  switch (l.kind) {
    case 'energy':
      return `Energy${when} · ${formatKwh(l.quantity)}`;
    case 'time':
      return `Time${when} · ${formatDuration(l.quantity)}`;
    case 'idle':
      return `Idle fee · ${formatDuration(l.quantity)}`;
    case 'session_fee':
      return 'Session fee';
    case 'tax':
      return `Tax · ${l.quantity / 100} %`;
  }
}

/**
 * A completed session's receipt: its lines, total and tax, what the card paid, the hold's end. A
 * guest's is read with the session's key; a session paid by link says how in its payment panel.
 */
export function Receipt({
  session: s,
  sessionKey,
  paidBy = 'card',
}: {
  session: ChargingSession;
  sessionKey?: string;
  paidBy?: 'card' | 'link';
}) {
  const done = s.status === 'COMPLETED';
  const own = useReceipt(s, done && !sessionKey);
  const guest = useGuestReceipt(s, sessionKey ?? '', done && !!sessionKey);
  const q = sessionKey ? guest : own;
  if (q.isPending) return <Loading what="the receipt" />;
  if (q.isError) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const r = q.data;
  const money = (v: number | bigint) => formatMoney(v, r.currency);
  return (
    <Panel title="Receipt">
      <Stack as="ul" gap={2} listStyleType="none" aria-label="Receipt lines">
        {/* A tariff without a time or idle price still has those lines, at zero: noise here. */}
        {r.lines
          .filter((l) => l.amount !== 0 || (l.kind !== 'time' && l.kind !== 'idle'))
          .map((l, i) => (
            <Flex
              as="li"
              key={`${l.kind}-${i}`}
              justify="space-between"
              gap={3}
              data-testid="receipt-line"
            >
              <Text>{lineLabel(l)}</Text>
              <Text whiteSpace="nowrap">{money(l.amount)}</Text>
            </Flex>
          ))}
      </Stack>
      <Separator />
      <Flex justify="space-between" gap={3} fontWeight="bold" fontSize="lg">
        <Text>Total</Text>
        <Text data-testid="receipt-total">{money(r.total)}</Text>
      </Flex>
      <Flex justify="space-between" gap={3} fontSize="sm" color="fg.muted">
        <Text>
          {s.tariff.taxInclusive
            ? `Of which tax (${s.tariff.taxRateBasisPoints / 100} %)`
            : `Tax added (${s.tariff.taxRateBasisPoints / 100} %)`}
        </Text>
        <Text data-testid="receipt-tax">{money(r.tax)}</Text>
      </Flex>
      {paidBy === 'card' && (
        <>
          <Separator />
          <Capture session={s} captured={r.captured} />
        </>
      )}
    </Panel>
  );
}

/** What the card paid and what became of the hold, in words. */
function Capture({ session: s, captured }: { session: ChargingSession; captured: number | null }) {
  const money = (v: number | bigint) => formatMoney(v, s.currency);
  const held = s.authorizedAmount;
  let words: string;
  if (s.captureStatus === 'CAPTURED' && captured !== null) {
    const released = held === null ? null : BigInt(held) - BigInt(captured);
    words =
      `${money(captured)} was taken from your card.` +
      (released !== null && released > 0n
        ? ` The rest of the hold, ${money(released)}, is released.`
        : '');
  } else if (s.captureStatus === 'RELEASED') {
    words = `Nothing was taken from your card${held !== null ? `: the hold of ${money(held)} is released` : ''}.`;
  } else if (s.captureStatus === 'FAILED') {
    words =
      'Taking the payment from your card has not worked yet; Tender tries again, and the operator is told.';
  } else {
    words = `Taking the payment from your card… ${held !== null ? `the hold of ${money(held)} becomes the total.` : ''}`;
  }
  return (
    <Stack gap={1}>
      <Flex justify="space-between" gap={3}>
        <Text>Paid by card</Text>
        <Text data-testid="receipt-captured" fontWeight="semibold">
          {captured !== null ? money(captured) : '—'}
        </Text>
      </Flex>
      <Text fontSize="sm" data-testid="receipt-hold" data-capture={s.captureStatus}>
        {words}
      </Text>
    </Stack>
  );
}
