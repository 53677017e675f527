import { Alert, Button, Field, NativeSelect, Stack, Text } from '@chakra-ui/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, call, newIdempotencyKey } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { paths } from '../../api/openapi';
import { useSession } from '../../session/store';
import { ErrorState, Loading } from '../../shell/page';
import { Panel } from '../../shell/panel';
import type { PublicConnector } from './queries';

type Reservation =
  paths['/api/v1/reservations/{id}']['get']['responses'][200]['content']['application/json'];

const MINUTES = [5, 10, 15, 30, 45, 60] as const;
const MINE = ['charging', 'reservations', 'mine'];
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** The driver's live reservation (at most one), read again each 15 s and at its expiry. */
function useMyReservation() {
  return useQuery({
    queryKey: MINE,
    queryFn: async () => {
      const [active, pending] = await Promise.all(
        (['ACTIVE', 'PENDING'] as const).map((status) =>
          call(() => api.GET('/api/v1/reservations', { params: { query: { status, limit: 5 } } })),
        ),
      );
      const me = useSession.getState().user?.id;
      // An operator's list holds their company's too: only the driver's own counts here.
      return [...active!.data, ...pending!.data].find((r) => r.driverId === me) ?? null;
    },
    refetchInterval: 15_000,
  });
}

/** Minutes left until `iso`, updated every few seconds. */
function useMinutesLeft(iso: string | undefined): number | undefined {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!iso) return;
    const t = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(t);
  }, [iso]);
  return iso === undefined ? undefined : Math.max(0, Math.ceil((Date.parse(iso) - now) / 60_000));
}

function useReservationChange() {
  const queries = useQueryClient();
  return () => {
    void queries.invalidateQueries({ queryKey: MINE });
    // The connector's public status turns Reserved (or back to Available).
    void queries.invalidateQueries({ queryKey: ['charging', 'connectors'] });
  };
}

function useReserve() {
  const changed = useReservationChange();
  const attempt = useRef<{ key: string; what: string } | undefined>(undefined);
  return useMutation({
    mutationFn: (b: { connectorId: string; minutes: number }) => {
      const what = `${b.connectorId}/${b.minutes}`;
      if (attempt.current?.what !== what) attempt.current = { key: newIdempotencyKey(), what };
      return call(() =>
        api.POST('/api/v1/reservations', {
          params: { header: { 'Idempotency-Key': attempt.current!.key } },
          body: b,
        }),
      );
    },
    onSuccess: changed,
    // A refusal is an answer (the next press is a new attempt); a lost answer keeps the key.
    onError: (err) => {
      if (err instanceof ApiError) attempt.current = undefined;
    },
  });
}

function useCancel() {
  const changed = useReservationChange();
  return useMutation({
    mutationFn: (id: string) =>
      call(() => api.DELETE('/api/v1/reservations/{id}', { params: { path: { id } } })),
    onSuccess: changed,
  });
}

/**
 * Reserve this connector for some minutes (ReserveNow): only the driver may start on it until
 * it expires. Signed-in drivers only; one live reservation per driver.
 */
export function Reserve({ connector: c }: { connector: PublicConnector }) {
  const user = useSession((s) => s.user);
  if (!user) return null;
  return <ReserveSignedIn connector={c} />;
}

function ReserveSignedIn({ connector: c }: { connector: PublicConnector }) {
  const mine = useMyReservation();
  if (mine.isPending)
    return (
      <Panel title="Reserve">
        <Loading what="your reservation" />
      </Panel>
    );
  if (mine.isError)
    return (
      <Panel title="Reserve">
        <ErrorState error={mine.error} retry={() => void mine.refetch()} />
      </Panel>
    );
  if (mine.data)
    return <MyReservation reservation={mine.data} here={mine.data.connectorId === c.id} />;
  return <ReserveForm connector={c} />;
}

function MyReservation({ reservation: r, here }: { reservation: Reservation; here: boolean }) {
  const cancel = useCancel();
  const left = useMinutesLeft(r.expiresAt);
  return (
    <Panel title={here ? 'Your reservation' : 'You have a reservation elsewhere'}>
      <Alert.Root status="info" role="status" data-testid="my-reservation" data-status={r.status}>
        <Alert.Indicator />
        <Alert.Title>
          {r.status === 'PENDING'
            ? 'Asking the charger to hold the connector…'
            : here
              ? `This connector is held for you until ${time.format(Date.parse(r.expiresAt))} (${left} min left). Start before then.`
              : `Another connector is held for you until ${time.format(Date.parse(r.expiresAt))}. Cancel it to reserve this one.`}
        </Alert.Title>
      </Alert.Root>
      {cancel.isError && <ErrorState error={cancel.error} />}
      <Button
        variant="outline"
        colorPalette="red"
        alignSelf="start"
        loading={cancel.isPending}
        onClick={() => cancel.mutate(r.id)}
      >
        Cancel reservation
      </Button>
    </Panel>
  );
}

function ReserveForm({ connector: c }: { connector: PublicConnector }) {
  const [minutes, setMinutes] = useState(15);
  const reserve = useReserve();
  const free = c.chargerOnline && c.available;
  return (
    <Panel title="Reserve">
      <Text>
        On your way? Hold this connector for a few minutes; nobody else can start on it until then.
        Nothing is charged for a reservation.
      </Text>
      {reserve.isError && <ErrorState error={reserve.error} />}
      {!free && <Text color="fg.muted">Only a free connector can be reserved.</Text>}
      <Stack direction={{ base: 'column', sm: 'row' }} align={{ sm: 'end' }} gap={3}>
        <Field.Root width={{ base: 'full', sm: '12rem' }}>
          <Field.Label>Hold it for</Field.Label>
          <NativeSelect.Root disabled={!free}>
            <NativeSelect.Field
              value={minutes}
              onChange={(e) => setMinutes(Number(e.target.value))}
            >
              {MINUTES.map((m) => (
                <option key={m} value={m}>
                  {m} minutes
                </option>
              ))}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Field.Root>
        <Button
          variant="outline"
          colorPalette="teal"
          disabled={!free}
          loading={reserve.isPending}
          loadingText="Reserving"
          onClick={() => reserve.mutate({ connectorId: c.id, minutes })}
        >
          Reserve for {minutes} minutes
        </Button>
      </Stack>
    </Panel>
  );
}
