// platform/money: the one home of amounts. Import from here, not from the files behind it.
export { allocate } from './allocation';
export { AmountSchema, EXAMPLE_AMOUNT, MAX_AMOUNT, totalOf } from './amounts';
export {
  CurrencySchema,
  DEFAULT_EXPONENT,
  minorUnitExponent,
  normaliseCurrency,
} from './currencies';
export { formatMinor, toJsonNumber } from './format';
export { Money } from './money';
export { DEFAULT_PRICE_SCALE, PrecisePrice } from './precise-price';
export { divide, multiplyRatio, ROUNDING_MODES, type RoundingMode } from './rounding';
