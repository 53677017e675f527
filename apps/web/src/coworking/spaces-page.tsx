import {
  Badge,
  Box,
  Button,
  Flex,
  Heading,
  Input,
  SimpleGrid,
  Stack,
  Text,
} from '@chakra-ui/react';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { formatMoney } from '../lib/format';
import { Empty, ErrorState, Loaded, Page } from '../shell/page';
import { BookingPayment } from './booking-payment';
import { useAvailability, useBook, useSpaces, type Slot, type Space } from './queries';

const KIND: Record<Space['kind'], string> = {
  ROOM: 'Meeting room',
  DESK: 'Desks',
  DAY_PASS: 'Day pass',
};

/** A time of day where the space is (its opening hours are local to it, not to the reader). */
export const timeIn = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat(undefined, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

/** Tomorrow in the reader's calendar, YYYY-MM-DD. */
function tomorrow(): string {
  const d = new Date(Date.now() + 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const priceLine = (s: Space) =>
  `${formatMoney(s.price, s.currency)} per ${s.priceUnit === 'HOUR' ? 'hour' : 'day'}`;

/** Book a space: pick one, a day, a free slot; book it; pay it with a card. */
export function SpacesPage() {
  const spaces = useSpaces();
  const [spaceId, setSpaceId] = useState<string>();
  const [date, setDate] = useState(tomorrow);
  const [slot, setSlot] = useState<Slot>();
  const book = useBook();
  const space = spaces.data?.data.find((s) => s.id === spaceId);

  if (book.data)
    return (
      <Page title="Pay for your booking">
        <BookingPayment
          bookingId={book.data.id}
          spaceName={space?.name ?? 'the space'}
          timeZone={space?.timeZone}
        />
      </Page>
    );

  return (
    <Page
      title="Book a space"
      actions={
        <Button asChild variant="outline" size="sm">
          <RouterLink to="/bookings">My bookings</RouterLink>
        </Button>
      }
    >
      <Loaded
        query={spaces}
        what="spaces"
        isEmpty={(d) => d.data.length === 0}
        empty="No spaces can be booked yet."
      >
        {(d) => (
          <SimpleGrid columns={{ base: 1, md: 3 }} gap={3} role="list" aria-label="Spaces">
            {d.data.map((s) => (
              <Box
                key={s.id}
                role="listitem"
                borderWidth="2px"
                borderColor={s.id === spaceId ? 'teal.600' : 'border'}
                borderRadius="md"
                p={4}
              >
                <Stack gap={1}>
                  <Heading as="h2" size="md">
                    {s.name}
                  </Heading>
                  <Text color="fg.muted">
                    {KIND[s.kind]}
                    {s.capacity > 1 ? ` · ${s.capacity} seats` : ''}
                  </Text>
                  <Text fontWeight="semibold">{priceLine(s)}</Text>
                  <Button
                    size="sm"
                    alignSelf="start"
                    variant={s.id === spaceId ? 'solid' : 'outline'}
                    colorPalette="teal"
                    aria-pressed={s.id === spaceId}
                    onClick={() => {
                      setSpaceId(s.id);
                      setSlot(undefined);
                    }}
                  >
                    {s.id === spaceId ? 'Chosen' : `Choose ${s.name}`}
                  </Button>
                </Stack>
              </Box>
            ))}
          </SimpleGrid>
        )}
      </Loaded>
      {space && (
        <Stack gap={4}>
          <Flex gap={3} align="end" wrap="wrap">
            <Box>
              <label htmlFor="booking-day" style={{ display: 'block', fontWeight: 500 }}>
                Day
              </label>
              <Input
                id="booking-day"
                type="date"
                value={date}
                min={tomorrow()}
                onChange={(e) => {
                  setDate(e.target.value);
                  setSlot(undefined);
                }}
                maxW="12rem"
              />
            </Box>
            <Text color="fg.muted">Times are in {space.timeZone}.</Text>
          </Flex>
          <Slots space={space} date={date} chosen={slot} onChoose={setSlot} />
          {slot && (
            <Stack gap={2}>
              {book.isError && <ErrorState error={book.error} />}
              <Button
                colorPalette="teal"
                alignSelf="start"
                loading={book.isPending}
                onClick={() => book.mutate({ spaceId: space.id, start: slot.start, end: slot.end })}
              >
                {`Book ${timeIn(slot.start, space.timeZone)}–${timeIn(slot.end, space.timeZone)} for ${formatMoney(slot.price, space.currency)}`}
              </Button>
            </Stack>
          )}
        </Stack>
      )}
    </Page>
  );
}

function Slots({
  space,
  date,
  chosen,
  onChoose,
}: {
  space: Space;
  date: string;
  chosen: Slot | undefined;
  onChoose(s: Slot): void;
}) {
  const availability = useAvailability(space.id, date);
  return (
    <Loaded query={availability} what="free slots">
      {(a) =>
        a.slots.length === 0 ? (
          <Empty>
            {a.open ? 'No slots are left on this day.' : 'The space is closed on this day.'}
          </Empty>
        ) : (
          <SimpleGrid columns={{ base: 2, md: 6 }} gap={2} role="group" aria-label="Free slots">
            {a.slots.map((s) => {
              const label = `${timeIn(s.start, space.timeZone)}–${timeIn(s.end, space.timeZone)}`;
              const picked = chosen?.start === s.start && chosen.end === s.end;
              return (
                <Button
                  key={s.start}
                  size="sm"
                  variant={picked ? 'solid' : 'outline'}
                  colorPalette="teal"
                  disabled={s.seatsFree === 0}
                  aria-pressed={picked}
                  onClick={() => onChoose(s)}
                  flexDirection="column"
                  h="auto"
                  py={2}
                >
                  <Text>{label}</Text>
                  {s.seatsFree === 0 ? (
                    <Badge colorPalette="gray">Taken</Badge>
                  ) : (
                    <Text fontSize="xs">
                      {formatMoney(s.price, space.currency)} · {s.seatsFree} free
                    </Text>
                  )}
                </Button>
              );
            })}
          </SimpleGrid>
        )
      }
    </Loaded>
  );
}
