import {
  Box,
  Button,
  Checkbox,
  Field,
  Fieldset,
  Flex,
  Input,
  SimpleGrid,
  Stack,
  Text,
} from '@chakra-ui/react';
import { parseUnitPrice, unitPriceText } from './prices';
import type { Tariff } from './queries';

// A tariff's time-of-day periods: while one applies (in the station's time zone), its prices
// replace the tariff's energy and time prices. Overlaps are the server's to refuse (it names them).

export interface PeriodDraft {
  name: string;
  days: number[];
  start: string;
  end: string;
  energy: string;
  time: string;
}

/** ISO weekdays, 1 = Monday, in the user's language. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
  day: d,
  // 2024-01-01 was a Monday.
  label: new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, d)),
  ),
}));

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export const periodDrafts = (t: Tariff): PeriodDraft[] =>
  t.periods.map((p) => ({
    name: p.name,
    days: p.days,
    start: p.start,
    end: p.end,
    energy: unitPriceText(p.energyPricePerKwh, t.currency),
    time: unitPriceText(p.timePricePerMinute, t.currency),
  }));

/** What is wrong with a period, field by field, in words. */
export function periodProblems(p: PeriodDraft, currency: string) {
  return {
    name: p.name.trim() ? undefined : 'Name the period, such as Peak.',
    days: p.days.length ? undefined : 'Pick at least one day.',
    start: HHMM.test(p.start) ? undefined : 'A time as HH:MM, such as 07:00.',
    end: !HHMM.test(p.end)
      ? 'A time as HH:MM, such as 22:00 (24:00 for midnight).'
      : p.end === p.start || (p.start === '00:00' && p.end === '24:00')
        ? 'The end must differ from the start.'
        : undefined,
    energy:
      parseUnitPrice(p.energy, currency) === undefined
        ? 'A price per kWh, such as 0.45.'
        : undefined,
    time:
      parseUnitPrice(p.time, currency) === undefined
        ? 'A price per minute, 0 for none.'
        : undefined,
  };
}

/** The periods as the API takes them, or undefined while one is incomplete. */
export function periodsBody(periods: PeriodDraft[], currency: string) {
  if (periods.some((p) => Object.values(periodProblems(p, currency)).some(Boolean)))
    return undefined;
  return periods.map((p) => ({
    name: p.name.trim(),
    days: [...p.days].sort(),
    start: p.start,
    end: p.end,
    energyPricePerKwh: Number(parseUnitPrice(p.energy, currency)),
    timePricePerMinute: Number(parseUnitPrice(p.time, currency)),
  }));
}

const newPeriod = (): PeriodDraft => ({
  name: '',
  days: [1, 2, 3, 4, 5],
  start: '07:00',
  end: '22:00',
  energy: '',
  time: '0',
});

function PeriodFields({
  value,
  index,
  currency,
  touched,
  onChange,
  onRemove,
}: {
  value: PeriodDraft;
  index: number;
  currency: string;
  touched: boolean;
  onChange: (p: PeriodDraft) => void;
  onRemove: () => void;
}) {
  const problems = periodProblems(value, currency);
  const cur = currency.toUpperCase();
  const text = (
    k: 'name' | 'start' | 'end' | 'energy' | 'time',
    label: string,
    decimal = false,
  ) => {
    const shown = (touched || value[k] !== '') && problems[k];
    return (
      <Field.Root required invalid={!!shown}>
        <Field.Label>{label}</Field.Label>
        <Input
          value={value[k]}
          onChange={(e) => onChange({ ...value, [k]: e.target.value })}
          {...(decimal ? { inputMode: 'decimal' as const } : {})}
          {...(k === 'start' || k === 'end' ? { placeholder: 'HH:MM', maxLength: 5 } : {})}
        />
        {shown && <Field.ErrorText>{shown}</Field.ErrorText>}
      </Field.Root>
    );
  };
  return (
    <Stack
      gap={3}
      p={3}
      borderWidth="1px"
      borderRadius="md"
      role="group"
      aria-label={`Period ${index + 1}`}
      data-testid="tariff-period"
    >
      {text('name', 'Period name')}
      <SimpleGrid columns={{ base: 1, sm: 2 }} gap={3}>
        {text('start', 'From (HH:MM)')}
        {text('end', 'Until (HH:MM)')}
      </SimpleGrid>
      <Fieldset.Root invalid={!!problems.days}>
        <Fieldset.Legend fontSize="sm" fontWeight="medium">
          Days
        </Fieldset.Legend>
        <Flex gap={3} wrap="wrap">
          {WEEKDAYS.map(({ day, label }) => (
            <Checkbox.Root
              key={day}
              size="sm"
              checked={value.days.includes(day)}
              onCheckedChange={(e) =>
                onChange({
                  ...value,
                  days: e.checked ? [...value.days, day] : value.days.filter((d) => d !== day),
                })
              }
            >
              <Checkbox.HiddenInput />
              <Checkbox.Control />
              <Checkbox.Label>{label}</Checkbox.Label>
            </Checkbox.Root>
          ))}
        </Flex>
        {problems.days && <Fieldset.ErrorText>{problems.days}</Fieldset.ErrorText>}
      </Fieldset.Root>
      <SimpleGrid columns={{ base: 1, sm: 2 }} gap={3}>
        {text('energy', `Price per kWh (${cur})`, true)}
        {text('time', `Price per minute (${cur})`, true)}
      </SimpleGrid>
      <Button size="sm" variant="outline" colorPalette="red" alignSelf="start" onClick={onRemove}>
        Remove period {index + 1}
      </Button>
    </Stack>
  );
}

/** Zero or more periods; an end before the start runs past midnight (22:00 to 06:00). */
export function PeriodsEditor({
  value,
  currency,
  touched,
  onChange,
}: {
  value: PeriodDraft[];
  currency: string;
  touched: boolean;
  onChange: (periods: PeriodDraft[]) => void;
}) {
  return (
    <Stack as="fieldset" gap={3}>
      <Box as="legend" fontWeight="semibold" mb={1}>
        Time-of-day prices
      </Box>
      <Text fontSize="sm" color="fg.muted">
        {value.length === 0
          ? 'None: the prices above apply at every hour.'
          : "In the station's time zone. While a period applies its prices replace the price per kWh and per minute above; an end before the start runs past midnight."}
      </Text>
      {value.map((p, i) => (
        <PeriodFields
          key={i}
          index={i}
          value={p}
          currency={currency}
          touched={touched}
          onChange={(next) => onChange(value.map((q, j) => (j === i ? next : q)))}
          onRemove={() => onChange(value.filter((_, j) => j !== i))}
        />
      ))}
      {value.length < 24 && (
        <Button
          size="sm"
          variant="outline"
          alignSelf="start"
          onClick={() => onChange([...value, newPeriod()])}
        >
          Add a period
        </Button>
      )}
    </Stack>
  );
}
