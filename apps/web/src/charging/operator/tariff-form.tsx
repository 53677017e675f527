import { Field, Input, NativeSelect, SimpleGrid } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import { currencyExponent, parseMoney } from '../../lib/format';
import { formatDecimal, parseTaxRate, parseUnitPrice, taxRateText, unitPriceText } from './prices';
import type { Tariff } from './queries';
import { periodDrafts, periodsBody, PeriodsEditor, type PeriodDraft } from './tariff-periods';

/** The currencies a tariff may be in (the card provider settles these). */
export const TARIFF_CURRENCIES = ['eur', 'usd', 'gbp', 'chf', 'sek', 'nok', 'dkk', 'pln'] as const;

/** A tariff's fields as typed: decimal text, converted to the API's integers by `tariffBody`. */
export interface TariffDraft {
  name: string;
  currency: string;
  energy: string;
  time: string;
  idle: string;
  grace: string;
  sessionFee: string;
  taxRate: string;
  taxInclusive: boolean;
  hold: string;
  periods: PeriodDraft[];
}

export const emptyTariff = (): TariffDraft => ({
  name: '',
  currency: 'eur',
  energy: '',
  time: '0',
  idle: '0',
  grace: '0',
  sessionFee: '0',
  taxRate: '0',
  taxInclusive: true,
  hold: '',
  periods: [],
});

const minorText = (minor: number, currency: string) =>
  formatDecimal(minor, currencyExponent(currency), currencyExponent(currency));

export const tariffDraft = (t: Tariff): TariffDraft => ({
  name: t.name,
  currency: t.currency,
  energy: unitPriceText(t.energyPricePerKwh, t.currency),
  time: unitPriceText(t.timePricePerMinute, t.currency),
  idle: unitPriceText(t.idlePricePerMinute, t.currency),
  grace: String(t.idleGraceMinutes),
  sessionFee: minorText(t.sessionFee, t.currency),
  taxRate: taxRateText(t.taxRateBasisPoints),
  taxInclusive: t.taxInclusive,
  hold: minorText(t.holdAmount, t.currency),
  periods: periodDrafts(t),
});

const MAX_MINOR = 99_999_999n;
const fee = (text: string, currency: string) => {
  const v = parseMoney(text, currency);
  return v !== undefined && v <= MAX_MINOR ? v : undefined;
};
const minutes = (text: string) =>
  /^\d{1,4}$/.test(text.trim()) && Number(text) <= 1440 ? Number(text) : undefined;

/** The draft in the API's units, each field undefined where the text is not valid. */
function parsed(d: TariffDraft) {
  const hold = fee(d.hold, d.currency);
  return {
    energyPricePerKwh: parseUnitPrice(d.energy, d.currency),
    timePricePerMinute: parseUnitPrice(d.time, d.currency),
    idlePricePerMinute: parseUnitPrice(d.idle, d.currency),
    idleGraceMinutes: minutes(d.grace),
    sessionFee: fee(d.sessionFee, d.currency),
    taxRateBasisPoints: parseTaxRate(d.taxRate),
    holdAmount: hold !== undefined && hold > 0n ? hold : undefined,
    periods: periodsBody(d.periods, d.currency),
  };
}

/**
 * The tariff as the API takes it — integers from the decimal text, no float in between (they are
 * at most 99 999 999, exact as JSON numbers) — or undefined while a field is missing or wrong.
 */
export function tariffBody(d: TariffDraft) {
  const p = parsed(d);
  if (!d.name.trim() || Object.values(p).some((v) => v === undefined)) return undefined;
  return {
    name: d.name.trim(),
    currency: d.currency,
    energyPricePerKwh: Number(p.energyPricePerKwh),
    timePricePerMinute: Number(p.timePricePerMinute),
    idlePricePerMinute: Number(p.idlePricePerMinute),
    idleGraceMinutes: p.idleGraceMinutes!,
    sessionFee: Number(p.sessionFee),
    taxRateBasisPoints: p.taxRateBasisPoints!,
    taxInclusive: d.taxInclusive,
    holdAmount: Number(p.holdAmount),
    periods: p.periods!,
  };
}

/** Every field of a tariff; the currency only while it is new (sessions are priced in it). */
export function TariffFields({
  value,
  onChange,
  touched,
  currencyFixed = false,
}: {
  value: TariffDraft;
  onChange: (d: TariffDraft) => void;
  touched: boolean;
  currencyFixed?: boolean;
}) {
  const p = parsed(value);
  const cur = value.currency.toUpperCase();
  const unitPlaces = currencyExponent(value.currency) + 3;
  const set = (k: keyof TariffDraft) => (e: { target: { value: string } }) =>
    onChange({ ...value, [k]: e.target.value });
  const field = (
    k: Exclude<keyof TariffDraft, 'taxInclusive' | 'currency' | 'periods'>,
    label: string,
    bad: boolean,
    error: string,
    help?: ReactNode,
  ) => {
    const shown = bad && (touched || value[k] !== '');
    return (
      <Field.Root required invalid={shown}>
        <Field.Label>{label}</Field.Label>
        <Input
          value={value[k]}
          onChange={set(k)}
          {...(k === 'name' ? { maxLength: 200 } : { inputMode: 'decimal' as const })}
        />
        {shown ? (
          <Field.ErrorText>{error}</Field.ErrorText>
        ) : (
          help && <Field.HelperText>{help}</Field.HelperText>
        )}
      </Field.Root>
    );
  };
  const unitPrice = `A price in ${cur} with up to ${unitPlaces} decimals, such as 0.3249.`;
  return (
    <>
      {field('name', 'Tariff name', !value.name.trim(), 'Give the tariff a name.')}
      <Field.Root required>
        <Field.Label>Currency</Field.Label>
        <NativeSelect.Root disabled={currencyFixed}>
          <NativeSelect.Field value={value.currency} onChange={set('currency')}>
            {TARIFF_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c.toUpperCase()}
              </option>
            ))}
            {!TARIFF_CURRENCIES.includes(value.currency as never) && (
              <option value={value.currency}>{cur}</option>
            )}
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
        {currencyFixed && (
          <Field.HelperText>Fixed once created: sessions are charged in it.</Field.HelperText>
        )}
      </Field.Root>
      <SimpleGrid columns={{ base: 1, sm: 2 }} gap={3}>
        {field(
          'energy',
          `Price per kWh (${cur})`,
          p.energyPricePerKwh === undefined,
          unitPrice,
          `Up to ${unitPlaces} decimals: 0.3249.`,
        )}
        {field(
          'time',
          `Price per minute (${cur})`,
          p.timePricePerMinute === undefined,
          unitPrice,
          'Plugged-in time, billed by the second; 0 for none.',
        )}
        {field(
          'idle',
          `Idle fee per minute (${cur})`,
          p.idlePricePerMinute === undefined,
          unitPrice,
          'While the car is full but still plugged in.',
        )}
        {field(
          'grace',
          'Idle grace (minutes)',
          p.idleGraceMinutes === undefined,
          'Whole minutes from 0 to 1440.',
          'Idle minutes free of the idle fee.',
        )}
        {field(
          'sessionFee',
          `Session fee (${cur})`,
          p.sessionFee === undefined,
          `An amount in ${cur}, such as 1.00; 0 for none.`,
          'Once per charging session.',
        )}
        {field(
          'hold',
          `Hold amount (${cur})`,
          p.holdAmount === undefined,
          `An amount above zero in ${cur}, such as 50.00.`,
          "Reserved on the driver's card at the start; a session never costs more.",
        )}
        {field(
          'taxRate',
          'Tax rate (%)',
          p.taxRateBasisPoints === undefined,
          'A percentage from 0 to 100 with up to two decimals, such as 19 or 7.5.',
        )}
        <Field.Root>
          <Field.Label>Tax in the prices</Field.Label>
          <NativeSelect.Root>
            <NativeSelect.Field
              value={value.taxInclusive ? 'inclusive' : 'exclusive'}
              onChange={(e) => onChange({ ...value, taxInclusive: e.target.value === 'inclusive' })}
            >
              <option value="inclusive">Included</option>
              <option value="exclusive">Added on top</option>
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Field.Root>
      </SimpleGrid>
      <PeriodsEditor
        value={value.periods}
        currency={value.currency}
        touched={touched}
        onChange={(periods) => onChange({ ...value, periods })}
      />
    </>
  );
}
