import { Field, Input, SimpleGrid, Textarea } from '@chakra-ui/react';
import { useId, type ReactNode } from 'react';
import type { Station } from './queries';

/** A station's fields as typed: text, checked here, converted only by `stationBody`. */
export interface StationDraft {
  name: string;
  address: string;
  latitude: string;
  longitude: string;
  timeZone: string;
}

export const userTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export const emptyStation = (): StationDraft => ({
  name: '',
  address: '',
  latitude: '',
  longitude: '',
  timeZone: userTimeZone(),
});

export const stationDraft = (s: Station): StationDraft => ({
  name: s.name,
  address: s.address,
  latitude: String(s.latitude),
  longitude: String(s.longitude),
  timeZone: s.timeZone,
});

/** Degrees with up to 7 decimals (about a centimetre), within ±`max`. */
function degrees(text: string, max: number): number | undefined {
  const t = text.trim().replace(',', '.');
  if (!/^-?\d{1,3}(\.\d{1,7})?$/.test(t)) return undefined;
  const v = Number(t);
  return Math.abs(v) <= max ? v : undefined;
}

export function isTimeZone(tz: string): boolean {
  if (!tz.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz.trim() });
    return true;
  } catch {
    return false;
  }
}

/** What is wrong with each field, in words (undefined: fine). Empty fields are only "required". */
export function stationProblems(d: StationDraft) {
  return {
    name: d.name.trim() ? undefined : 'Give the station a name.',
    address: d.address.trim() ? undefined : 'Give the street address drivers will look for.',
    latitude:
      degrees(d.latitude, 90) !== undefined
        ? undefined
        : 'A latitude between -90 and 90, such as 52.520008.',
    longitude:
      degrees(d.longitude, 180) !== undefined
        ? undefined
        : 'A longitude between -180 and 180, such as 13.404954.',
    timeZone: isTimeZone(d.timeZone) ? undefined : 'A time zone such as Europe/Berlin.',
  };
}

/** The draft as the API takes it, or undefined while a field is missing or wrong. */
export function stationBody(d: StationDraft) {
  const latitude = degrees(d.latitude, 90);
  const longitude = degrees(d.longitude, 180);
  if (Object.values(stationProblems(d)).some(Boolean)) return undefined;
  return {
    name: d.name.trim(),
    address: d.address.trim(),
    latitude: latitude!,
    longitude: longitude!,
    timeZone: d.timeZone.trim(),
  };
}

const ZONES = Intl.supportedValuesOf('timeZone');

/**
 * Name, address, position and time zone. A field says what is wrong once something is typed in it
 * (`touched`: after a submit attempt, empty fields too).
 */
export function StationFields({
  value,
  onChange,
  touched,
}: {
  value: StationDraft;
  onChange: (d: StationDraft) => void;
  touched: boolean;
}) {
  const zones = useId();
  const problems = stationProblems(value);
  const set = (k: keyof StationDraft) => (e: { target: { value: string } }) =>
    onChange({ ...value, [k]: e.target.value });
  const shown = (k: keyof StationDraft) => (touched || value[k] !== '' ? problems[k] : undefined);
  const field = (k: keyof StationDraft, label: string, input: ReactNode, help?: string) => (
    <Field.Root required invalid={!!shown(k)}>
      <Field.Label>{label}</Field.Label>
      {input}
      {shown(k) ? (
        <Field.ErrorText>{shown(k)}</Field.ErrorText>
      ) : (
        help && <Field.HelperText>{help}</Field.HelperText>
      )}
    </Field.Root>
  );
  return (
    <>
      {field(
        'name',
        'Station name',
        <Input value={value.name} maxLength={200} onChange={set('name')} />,
      )}
      {field(
        'address',
        'Address',
        <Textarea value={value.address} maxLength={500} rows={2} onChange={set('address')} />,
      )}
      <SimpleGrid columns={{ base: 1, sm: 2 }} gap={3}>
        {field(
          'latitude',
          'Latitude',
          <Input inputMode="decimal" value={value.latitude} onChange={set('latitude')} />,
        )}
        {field(
          'longitude',
          'Longitude',
          <Input inputMode="decimal" value={value.longitude} onChange={set('longitude')} />,
        )}
      </SimpleGrid>
      {field(
        'timeZone',
        'Time zone',
        <>
          <Input
            list={zones}
            value={value.timeZone}
            onChange={set('timeZone')}
            autoComplete="off"
          />
          <datalist id={zones}>
            {ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </>,
        "The station's local time, in which its days are counted.",
      )}
    </>
  );
}
