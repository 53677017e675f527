import { Alert, Box, Button, Code, SimpleGrid, Stack, Text } from '@chakra-ui/react';
import { useEffect, useMemo, useState } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { formatDateTime, formatDuration, formatKwh, formatMoney } from '../../lib/format';
import { ErrorState, Loading, Page } from '../../shell/page';
import { Panel } from '../../shell/panel';
import { isLive, useStationName } from '../driver/queries';
import { Receipt } from '../driver/receipt';
import { Figure, useNow, WHAT } from '../driver/session-page';
import { SessionBadge } from '../driver/status';
import { LinkPayment, type CheckoutReturn } from './link-payment';
import { useLiveGuestSession, useStopAdHoc, type GuestSession } from './queries';
import { forgetSessionKey, guestSessionUrl, sessionKeyFor } from './session-key';

/** The link-session words where the card-hold ones would be wrong (no hold, a cap instead). */
const LINK_WHAT: Partial<Record<GuestSession['status'], string>> = {
  AUTHORIZING: 'Getting the charger ready…',
  START_TIMED_OUT: 'The charger did not start in time. Nothing is to pay.',
  COMPLETED: 'Finished. You can unplug your car; pay with the link below.',
};

/**
 * A guest's session, opened only through its link (`/charge/guest/{id}#key=…`): live energy and
 * cost, Stop, then the receipt (a card hold) or the payment link. Without a key that opens it, the
 * page says only that the link is not valid: it never tells whether the session exists.
 */
export function GuestSessionPage() {
  const { sessionId = '' } = useParams();
  const { hash } = useLocation();
  // Read again when the link changes (another one pasted into this tab); the fragment's key is
  // remembered, so a return without it still finds it.
  const key = useMemo(() => sessionKeyFor(sessionId, hash), [sessionId, hash]);
  const q = useLiveGuestSession(sessionId, key);
  const refused = q.error instanceof ApiError && [400, 403, 404].includes(q.error.status);
  // A key the server does not take is not kept for the next visit of this tab.
  useEffect(() => {
    if (refused) forgetSessionKey(sessionId);
  }, [refused, sessionId]);
  if (!key || refused) return <NotValid />;
  if (q.isPending) return <Loading what="your charging session" />;
  if (q.isError) {
    const e = q.error;
    return (
      <Page title="Charging session">
        <ErrorState error={e} retry={() => void q.refetch()} />
      </Page>
    );
  }
  return <GuestSessionView session={q.data} sessionKey={key} />;
}

export function NotValid() {
  return (
    <Page title="This link is not valid">
      <Text data-testid="link-not-valid">
        Check that you opened the whole link you were given when the session started.
      </Text>
    </Page>
  );
}

function GuestSessionView({
  session: s,
  sessionKey,
}: {
  session: GuestSession;
  sessionKey: string;
}) {
  const live = isLive(s);
  const now = useNow(live);
  const station = useStationName(s.connectorId);
  const stop = useStopAdHoc(s.id, sessionKey);
  const [params] = useSearchParams();
  const checkout = params.get('checkout');
  const back: CheckoutReturn =
    checkout === 'success' || checkout === 'cancel' ? checkout : undefined;
  const byLink = s.payment.type === 'link';
  const from = s.startedAt ?? null;
  const until = s.endedAt ? Date.parse(s.endedAt) : now;
  const elapsed = from ? (until - Date.parse(from)) / 1000 : 0;
  const stoppable = s.status === 'STARTING' || s.status === 'CHARGING';
  const failed = s.status === 'FAILED' || s.status === 'START_TIMED_OUT';
  const paid = ['PAID', 'REFUNDED', 'PARTIALLY_REFUNDED'].includes(s.payment.link?.status ?? '');
  const what = (byLink && !paid && LINK_WHAT[s.status]) || WHAT[s.status];
  return (
    <Page
      title={station ? `Charging at ${station}` : 'Charging session'}
      actions={<SessionBadge status={s.status} />}
    >
      <Alert.Root status={failed ? 'error' : 'info'} role="status" aria-live="polite">
        <Alert.Indicator />
        <Alert.Title data-testid="session-state">
          {what}
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
            onClick={() => stop.mutate()}
          >
            Stop charging
          </Button>
        </Stack>
      )}
      {live && (
        <Text fontSize="sm" color="fg.muted" data-testid="cap-sentence">
          {byLink
            ? `Charging stops at ${formatMoney(s.capAmount ?? s.tariff.holdAmount, s.currency)} unless you stop it sooner. You pay what you use, after, by a link.`
            : `${formatMoney(s.authorizedAmount ?? s.tariff.holdAmount, s.currency)} is held on your card; you pay only what you use. Charging stops at the hold unless your bank agrees to hold more.`}
        </Text>
      )}
      {s.status === 'COMPLETED' && byLink && (
        <LinkPayment sessionId={s.id} sessionKey={sessionKey} back={back} />
      )}
      {s.status === 'COMPLETED' && (
        <Receipt session={s} sessionKey={sessionKey} paidBy={byLink ? 'link' : 'card'} />
      )}
      <KeepLink sessionId={s.id} sessionKey={sessionKey} />
      <Text fontSize="sm" color="fg.muted">
        Connector {s.connectorNumber} · started {formatDateTime(s.startedAt ?? s.createdAt)}
        {s.endedAt ? ` · ended ${formatDateTime(s.endedAt)}` : ''}
      </Text>
    </Page>
  );
}

/** The guest has no account: this link is the only way back to the session and its receipt. */
function KeepLink({ sessionId, sessionKey }: { sessionId: string; sessionKey: string }) {
  const url = guestSessionUrl(sessionId, sessionKey);
  const [copied, setCopied] = useState<'yes' | 'no'>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <Panel title="Keep this link to come back">
      <Text fontSize="sm">
        Bookmark it or copy it somewhere safe: it opens this session and its receipt, and anyone who
        has it can stop the session.
      </Text>
      <Box bg="gray.50" p={2} borderRadius="md" borderWidth="1px">
        <Code data-testid="session-link" wordBreak="break-all" whiteSpace="normal" bg="transparent">
          {url}
        </Code>
      </Box>
      <Stack direction="row" align="center" gap={3} wrap="wrap">
        <Button size="sm" variant="outline" onClick={() => void copy()}>
          Copy the link
        </Button>
        {copied && (
          <Text fontSize="sm" role="status">
            {copied === 'yes'
              ? 'Copied.'
              : 'Copying is not allowed here: select the link and copy it.'}
          </Text>
        )}
      </Stack>
    </Panel>
  );
}
