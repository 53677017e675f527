import { Flex, Link, Stack, Text } from '@chakra-ui/react';
import { Link as RouterLink } from 'react-router';
import { formatDateTime, formatKwh, formatMoney } from '../../lib/format';
import { useSession, type Role } from '../../session/store';
import { Empty, ErrorState, Loading, Page } from '../../shell/page';
import { ShowMore } from '../../shell/show-more';
import { useMySessions, useStationName, type ChargingSession } from './queries';
import { SessionBadge } from './status';

/** The API lists a driver's own sessions, an operator's company's, and every one for an admin. */
const TITLES: Partial<Record<Role, string>> = {
  OPERATOR: "Your company's charging sessions",
  ADMIN: 'All charging sessions',
};

/** The driver's sessions, newest first: a list of cards (a phone first), each to its receipt. */
export function SessionsPage() {
  const q = useMySessions();
  const role = useSession((s) => s.user?.role);
  const sessions = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Page title={(role && TITLES[role]) ?? 'My charging sessions'}>
      {q.isPending ? (
        <Loading what="your sessions" />
      ) : q.isError ? (
        <ErrorState error={q.error} retry={() => void q.refetch()} />
      ) : sessions.length === 0 ? (
        <Empty>
          No charging sessions yet.{' '}
          <Link asChild color="teal.700">
            <RouterLink to="/charge">Find a station</RouterLink>
          </Link>{' '}
          or scan a charger&apos;s QR code to start one.
        </Empty>
      ) : (
        <Stack gap={4}>
          <Stack as="ul" gap={2} listStyleType="none" aria-label="Your charging sessions">
            {sessions.map((s) => (
              <SessionRow key={s.id} session={s} />
            ))}
          </Stack>
          <ShowMore query={q} />
        </Stack>
      )}
    </Page>
  );
}

function SessionRow({ session: s }: { session: ChargingSession }) {
  const station = useStationName(s.connectorId);
  return (
    <Stack
      as="li"
      gap={1}
      bg="white"
      borderWidth="1px"
      borderRadius="md"
      p={3}
      data-testid="session-row"
    >
      <Flex justify="space-between" align="center" gap={3} wrap="wrap">
        <Link asChild color="teal.700" fontWeight="semibold" overflowWrap="anywhere">
          <RouterLink to={`/charge/sessions/${s.id}`}>
            {station ?? 'Charging session'} · connector {s.connectorNumber}
          </RouterLink>
        </Link>
        <SessionBadge status={s.status} />
      </Flex>
      <Flex justify="space-between" gap={3} wrap="wrap" fontSize="sm">
        <Text color="fg.muted">{formatDateTime(s.startedAt ?? s.createdAt)}</Text>
        <Text>
          {formatKwh(s.energyWh)} · <b>{formatMoney(s.cost, s.currency)}</b>
        </Text>
      </Flex>
    </Stack>
  );
}
