import { Alert, Box, Button, Flex, SimpleGrid, Stack, Text } from '@chakra-ui/react';
import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { LinkPayment } from '../guest/link-payment';
import { usePaymentType } from '../guest/queries';
import { formatDateTime, formatDuration, formatKwh, formatMoney } from '../../lib/format';
import { BackLink, ErrorState, Loaded, Page } from '../../shell/page';
import type { LiveState } from '../../lib/live-stream';
import { LiveStatus } from '../../shell/live-status';
import {
  isLive,
  useLiveSession,
  useStationName,
  useStopSession,
  type ChargingSession,
} from './queries';
import { Receipt } from './receipt';
import { SessionBadge } from './status';

/** Now, every second while `ticking`: the elapsed time moves between two readings. */
export function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [ticking]);
  return now;
}

export const WHAT: Record<ChargingSession['status'], string> = {
  AUTHORIZING: 'Placing the hold on your card…',
  STARTING: 'Waiting for the charger to start. Plug in your car if you have not yet.',
  CHARGING: 'Charging. This page updates by itself; stop whenever you like.',
  STOPPING: 'Stopping: waiting for the charger to end the session…',
  COMPLETED: 'Finished. You can unplug your car.',
  FAILED: 'The session did not start.',
  START_TIMED_OUT:
    'The charger did not start in time. Nothing was charged and the hold on your card is released.',
};

/** A charging session: live while it runs (energy, cost, time, Stop), then its receipt. */
export function SessionPage() {
  const { id = '' } = useParams();
  const { query: q, live } = useLiveSession(id);
  return (
    <Loaded query={q} what="the charging session">
      {(s) => <SessionView session={s} stream={live} />}
    </Loaded>
  );
}

function SessionView({ session: s, stream }: { session: ChargingSession; stream: LiveState }) {
  const live = isLive(s);
  const now = useNow(live);
  const station = useStationName(s.connectorId);
  const stop = useStopSession();
  const from = s.startedAt ?? null;
  const until = s.endedAt ? Date.parse(s.endedAt) : now;
  const elapsed = from ? (until - Date.parse(from)) / 1000 : 0;
  const stoppable = s.status === 'STARTING' || s.status === 'CHARGING';
  // Paid after by link (no hold; the cap is its authorised amount): the payment panel once it
  // ends, and the cap in words while it runs.
  const byLink = usePaymentType(s.id).data === 'link';
  const [params] = useSearchParams();
  const checkout = params.get('checkout');
  return (
    <Page
      title={station ? `Charging at ${station}` : 'Charging session'}
      actions={
        <Flex align="center" gap={3} wrap="wrap">
          <LiveStatus state={stream} />
          <SessionBadge status={s.status} />
        </Flex>
      }
    >
      <Alert.Root
        status={s.status === 'FAILED' || s.status === 'START_TIMED_OUT' ? 'error' : 'info'}
        role="status"
        aria-live="polite"
      >
        <Alert.Indicator />
        <Alert.Title data-testid="session-state">
          {WHAT[s.status]}
          {s.status === 'FAILED' && s.failureMessage ? ` ${s.failureMessage}` : ''}
        </Alert.Title>
      </Alert.Root>
      <SimpleGrid columns={{ base: 1, sm: 3 }} gap={3}>
        <Figure label="Energy" testId="energy" value={formatKwh(s.energyWh)} />
        <Figure
          label={live ? 'Cost so far' : 'Cost'}
          testId="cost"
          value={formatMoney(s.cost, s.currency)}
        />
        <Figure
          label="Time"
          testId="elapsed"
          value={from ? formatDuration(elapsed) : 'Not started'}
        />
      </SimpleGrid>
      {stoppable && (
        <Stack gap={2}>
          {stop.isError && <ErrorState error={stop.error} />}
          <Button
            colorPalette="red"
            size="lg"
            alignSelf={{ base: 'stretch', sm: 'start' }}
            loading={stop.isPending}
            loadingText="Stopping"
            onClick={() => stop.mutate(s.id)}
          >
            Stop charging
          </Button>
        </Stack>
      )}
      {s.authorizedAmount !== null && live && !byLink && (
        <Text fontSize="sm" color="fg.muted">
          {formatMoney(s.authorizedAmount, s.currency)} is held on your card; you pay only what you
          use. Near the hold, Tender asks your bank to hold more, or stops the session.
        </Text>
      )}
      {byLink && live && (
        <Text fontSize="sm" color="fg.muted" data-testid="cap-sentence">
          Charging stops at {formatMoney(s.tariff.holdAmount, s.currency)} unless you stop it
          sooner. You pay what you use, after, by a link.
        </Text>
      )}
      {s.status === 'COMPLETED' && byLink && (
        <LinkPayment
          sessionId={s.id}
          back={checkout === 'success' || checkout === 'cancel' ? checkout : undefined}
        />
      )}
      {s.status === 'COMPLETED' && <Receipt session={s} paidBy={byLink ? 'link' : 'card'} />}
      <Text fontSize="sm" color="fg.muted">
        Connector {s.connectorNumber} · started {formatDateTime(s.startedAt ?? s.createdAt)}
        {s.endedAt ? ` · ended ${formatDateTime(s.endedAt)}` : ''}
      </Text>
      <BackLink to="/charge/sessions">All your sessions</BackLink>
    </Page>
  );
}

export function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Box bg="white" borderWidth="1px" borderRadius="md" p={4}>
      <Text fontSize="sm" color="fg.muted">
        {label}
      </Text>
      <Flex>
        <Text fontSize="2xl" fontWeight="bold" data-testid={testId}>
          {value}
        </Text>
      </Flex>
    </Box>
  );
}
