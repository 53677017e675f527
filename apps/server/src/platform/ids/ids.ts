import { randomBytes } from 'node:crypto';

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

function freshRandom(): number[] {
  const bytes = randomBytes(RANDOM_LEN);
  return Array.from(bytes, (b) => b % 32);
}

function increment(digits: number[]): number[] {
  const next = [...digits];
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i]! < 31) {
      next[i]! += 1;
      return next;
    }
    next[i] = 0;
  }
  // 32^16 ids in one millisecond cannot happen; wrapping keeps uniqueness via fresh entropy.
  return freshRandom();
}

/** A ULID body (26 chars) for the given time, monotonic within this process. */
export function ulid(nowMs: number = Date.now()): string {
  if (nowMs <= lastTime) {
    lastRandom = increment(lastRandom);
  } else {
    lastTime = nowMs;
    lastRandom = freshRandom();
  }
  return encodeTime(Math.max(nowMs, lastTime)) + lastRandom.map((d) => ALPHABET[d]).join('');
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
