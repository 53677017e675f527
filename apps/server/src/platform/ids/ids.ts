import { randomFillSync } from 'node:crypto';

/**
 * Prefixed, time-sortable ids (`usr_01JD…`): a Crockford base32 ULID behind a prefix that says
 * what the id names, as Stripe does. Sorting ids sorts by creation time, which is what cursor
 * pagination relies on; within one millisecond the random part is incremented so ids made by one
 * process stay strictly increasing.
 */
export const ID_PREFIXES = {
  user: 'usr',
  company: 'cmp',
  refreshToken: 'rtk',
  request: 'req',
  payment: 'pay',
  paymentTransition: 'ptr',
  refund: 'rfd',
  dispute: 'dsp',
  account: 'acc',
  journalEntry: 'jrn',
  posting: 'pst',
  payout: 'wdr',
  product: 'prd',
  order: 'ord',
  station: 'stn',
  charger: 'chg',
  connector: 'cnr',
  tariff: 'trf',
  ocppMessage: 'ocm',
  chargingSession: 'ses',
  reservation: 'rsv',
  mail: 'mail',
  space: 'spc',
  seat: 'seat',
  booking: 'bkg',
  membershipPlan: 'mpl',
  membership: 'mem',
  membershipCredit: 'mcr',
  creditTransaction: 'ctx',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;
export type IdPrefix = (typeof ID_PREFIXES)[IdKind];

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_LEN = 10;
const RANDOM_LEN = 16;

let lastTime = -1;
let lastRandom: number[] = [];

function encodeTime(ms: number): string {
  let out = '';
  let rest = ms;
  for (let i = 0; i < TIME_LEN; i++) {
    out = ALPHABET[rest % 32]! + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/**
 * Random bytes drawn a few KiB at a time, each byte used once: a hot path (an id per OCPP frame)
 * then costs no call into the CSPRNG per millisecond. 256 is a multiple of 32, so `b % 32` stays
 * uniform.
 */
const entropy = Buffer.alloc(RANDOM_LEN * 256);
let entropyAt = entropy.length;

function freshRandom(): number[] {
  if (entropyAt + RANDOM_LEN > entropy.length) {
    randomFillSync(entropy);
    entropyAt = 0;
  }
  const digits = new Array<number>(RANDOM_LEN);
  for (let i = 0; i < RANDOM_LEN; i++) digits[i] = entropy[entropyAt + i]! % 32;
  entropyAt += RANDOM_LEN;
  return digits;
}

/** Adds one to the random digits in place (base 32); false if they wrapped around. */
function increment(digits: number[]): boolean {
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i]! < 31) {
      digits[i]! += 1;
      return true;
    }
    digits[i] = 0;
  }
  return false;
}

/** The time part of the last id: encoded once per millisecond, not once per id. */
let lastTimeText = '';

/** A ULID body (26 chars) for the given time, monotonic within this process. */
export function ulid(nowMs: number = Date.now()): string {
  if (nowMs > lastTime) {
    lastTime = nowMs;
    lastTimeText = encodeTime(nowMs);
    lastRandom = freshRandom();
  } else if (!increment(lastRandom)) {
    // 32^16 ids in one millisecond cannot happen; wrapping keeps uniqueness via fresh entropy.
    lastRandom = freshRandom();
  }
  let text = lastTimeText;
  for (const d of lastRandom) text += ALPHABET[d];
  return text;
}

export function newId(kind: IdKind, nowMs?: number): string {
  return `${ID_PREFIXES[kind]}_${ulid(nowMs)}`;
}

const ID_BODY = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** True when `value` is a well-formed id of this kind (used to reject junk before a query). */
export function isId(kind: IdKind, value: string): boolean {
  const prefix = `${ID_PREFIXES[kind]}_`;
  return value.startsWith(prefix) && ID_BODY.test(value.slice(prefix.length));
}
