import {
  DISPUTE_STATUSES,
  PAYMENT_STATUSES,
  type DisputeStatus,
  type PaymentStatus,
} from './payments.schema';

/**
 * The three endings short of the money, each with the last status on the way from which it can
 * still happen: a payment fails until it is processed, expires while it waits for its payer, and
 * is cancelled until it is captured (a hold released).
 */
const ENDINGS = {
  FAILED: 'PROCESSING',
  EXPIRED: 'REQUIRES_ACTION',
  CANCELLED: 'AUTHORIZED',
} as const satisfies Partial<Record<PaymentStatus, PaymentStatus>>;

/** The way a payment goes when it goes well, in the schema's order: CREATED … REFUNDED. */
const PATH: readonly PaymentStatus[] = PAYMENT_STATUSES.filter((s) => !(s in ENDINGS));

/** A transition table with a row per status, from a rule. */
function table<S extends string>(
  statuses: readonly S[],
  next: (from: S) => S[],
): Record<S, readonly S[]> {
  return Object.fromEntries(statuses.map((s) => [s, next(s)])) as unknown as Record<
    S,
    readonly S[]
  >;
}

/**
 * The one payment state machine. Status only moves forward along this table; everything that
 * changes a payment's status (API calls, the browser's return, webhooks, reconciliation) goes
 * through `reduce`, which merges what the provider told us into the current state.
 *
 *   CREATED -> REQUIRES_ACTION -> PROCESSING -> AUTHORIZED -> SUCCEEDED -> PARTIALLY_REFUNDED -> REFUNDED
 *         \-> FAILED | EXPIRED | CANCELLED            \-> CANCELLED (hold released)
 *
 * Built from that path (the schema's order) and ENDINGS; payment-state.test.ts checks it against
 * the table written out by hand.
 *
 * Provider events arrive duplicated, late and out of order. `reduce` is built so that applying any
 * set of observations in any order gives the same result: amounts only grow (max), and a status is
 * taken only if the table allows moving to it from where we are — so a late `SUCCEEDED` can never
 * undo a refund, and a late `REQUIRES_ACTION` never rewinds a success.
 */
export const TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = table(
  PAYMENT_STATUSES,
  (from) => {
    const at = PATH.indexOf(from);
    if (at < 0) return []; // an ending is final
    const endings = (Object.keys(ENDINGS) as (keyof typeof ENDINGS)[]).filter(
      (end) => at <= PATH.indexOf(ENDINGS[end]),
    );
    return [...PATH.slice(at + 1), ...endings];
  },
);

export const FINAL_STATUSES: readonly PaymentStatus[] = PAYMENT_STATUSES.filter(
  (s) => TRANSITIONS[s].length === 0,
);

export function canTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isFinal(status: PaymentStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** What one provider object or event says about a payment. Every field is optional. */
export interface Observation {
  status?: Exclude<PaymentStatus, 'CREATED' | 'PARTIALLY_REFUNDED' | 'REFUNDED'>;
  amountCapturable?: bigint;
  amountCaptured?: bigint;
  /**
   * Cumulative refunded amount, never a delta: what was refunded of the captured money (a partial
   * capture's released remainder is not a refund).
   */
  amountRefunded?: bigint;
  /** The authorized total the provider holds: grows when a hold is incrementally authorized. */
  amount?: bigint;
  /** Whether the hold may be raised (incremental authorization available on it). */
  incrementalAuthorization?: boolean;
  /** When the authorization lapses uncaptured. */
  captureBefore?: Date;
  nextActionUrl?: string | null;
  failure?: { code: string; message: string; declineCode?: string };
}

export interface PaymentState {
  status: PaymentStatus;
  amount: bigint;
  amountCapturable: bigint;
  amountCaptured: bigint;
  amountRefunded: bigint;
  nextActionUrl: string | null;
  failureCode: string | null;
  failureMessage: string | null;
  declineCode: string | null;
  incrementalAuthorization: boolean;
  captureBefore: Date | null;
}

const max = (a: bigint, b: bigint | undefined) => (b !== undefined && b > a ? b : a);

/** The status the refund amounts imply once money was captured. */
function refundStatus(captured: bigint, refunded: bigint): PaymentStatus | undefined {
  if (refunded <= 0n || captured <= 0n) return undefined;
  return refunded >= captured ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
}

function advance(from: PaymentStatus, to: PaymentStatus | undefined): PaymentStatus {
  return to !== undefined && canTransition(from, to) ? to : from;
}

export function reduce(state: PaymentState, obs: Observation): PaymentState {
  const amountCaptured = max(state.amountCaptured, obs.amountCaptured);
  const amountRefunded = max(state.amountRefunded, obs.amountRefunded);
  let status = advance(state.status, obs.status);
  // A capture (or refund) seen before the success event still proves success.
  if (amountCaptured > 0n) status = advance(status, 'SUCCEEDED');
  status = advance(status, refundStatus(amountCaptured, amountRefunded));

  const failedNow = status === 'FAILED' && state.status !== 'FAILED';
  return {
    status,
    // Only a raised hold changes the amount, and only upwards: any order of observations agrees.
    amount: max(state.amount, obs.amount),
    // Once captured, canceled or final nothing remains capturable.
    amountCapturable:
      status === 'AUTHORIZED'
        ? max(state.amountCapturable, obs.amountCapturable)
        : status === 'REQUIRES_ACTION' || status === 'PROCESSING' || status === 'CREATED'
          ? state.amountCapturable
          : 0n,
    amountCaptured,
    amountRefunded,
    // The page the payer must visit: a 3-D Secure challenge, or a hosted checkout not yet paid.
    nextActionUrl:
      status === 'REQUIRES_ACTION'
        ? (obs.nextActionUrl ?? state.nextActionUrl)
        : status === 'CREATED'
          ? state.nextActionUrl
          : null,
    failureCode: failedNow && obs.failure ? obs.failure.code : state.failureCode,
    failureMessage: failedNow && obs.failure ? obs.failure.message : state.failureMessage,
    declineCode: failedNow && obs.failure ? (obs.failure.declineCode ?? null) : state.declineCode,
    // Facts of the authorization, the same in every observation that carries them.
    incrementalAuthorization: obs.incrementalAuthorization ?? state.incrementalAuthorization,
    captureBefore: obs.captureBefore ?? state.captureBefore,
  };
}

/** Domain events payables subscribe to, one per status reached. */
export const EVENT_FOR_STATUS: Partial<Record<PaymentStatus, PaymentEventType>> = {
  REQUIRES_ACTION: 'payment.requires_action',
  AUTHORIZED: 'payment.authorized',
  SUCCEEDED: 'payment.succeeded',
  PARTIALLY_REFUNDED: 'payment.refunded',
  REFUNDED: 'payment.refunded',
  FAILED: 'payment.failed',
  EXPIRED: 'payment.expired',
  CANCELLED: 'payment.canceled',
};

export type PaymentEventType =
  | 'payment.requires_action'
  | 'payment.authorized'
  | 'payment.succeeded'
  | 'payment.refunded'
  | 'payment.failed'
  | 'payment.expired'
  | 'payment.canceled'
  /** A refund was requested through Tender, or one it requested failed: `refundsRequested` moved. */
  | 'payment.refund_requested'
  /** A dispute opened, moved or closed: `amountDisputed` is what the provider now holds back. */
  | 'payment.disputed';

/**
 * Disputes, beside the payment's own status (a disputed payment stays `SUCCEEDED`): the
 * provider's dispute statuses (in the schema's order) and the only moves between them: forward
 * along that order. Inquiries (`WARNING_*`) may become chargebacks; `WON` and `LOST` are final. Out-of-order events converge as payments do.
 */
export const DISPUTE_TRANSITIONS: Readonly<Record<DisputeStatus, readonly DisputeStatus[]>> = table(
  DISPUTE_STATUSES,
  (from) =>
    from === 'WON' || from === 'LOST'
      ? []
      : DISPUTE_STATUSES.slice(DISPUTE_STATUSES.indexOf(from) + 1),
);

/** The status a dispute takes after hearing `next`: moves only along DISPUTE_TRANSITIONS. */
export function advanceDispute(from: DisputeStatus, next: DisputeStatus): DisputeStatus {
  return DISPUTE_TRANSITIONS[from].includes(next) ? next : from;
}

/**
 * Whether the provider holds the disputed amount back in this status: from a chargeback's opening
 * until it is won (the funds are reinstated), for good once lost. An inquiry withdraws nothing.
 */
export function disputeWithholds(status: DisputeStatus): boolean {
  return status === 'NEEDS_RESPONSE' || status === 'UNDER_REVIEW' || status === 'LOST';
}

/** May this payment be captured, cancelled or refunded now? The rules beside the table. */
export const canCapture = (s: PaymentStatus): boolean => s === 'AUTHORIZED';
/** A hold can be released, and a payment still waiting for its payer abandoned. */
export const canCancel = (s: PaymentStatus): boolean =>
  s === 'CREATED' || s === 'REQUIRES_ACTION' || s === 'AUTHORIZED';
export const canRefund = (s: PaymentStatus): boolean =>
  s === 'SUCCEEDED' || s === 'PARTIALLY_REFUNDED';
/**
 * Still waiting for the provider to settle it: neither final nor holding captured money.
 * Reconciliation asks the provider about these once they are stale.
 */
export const UNSETTLED_STATUSES: readonly PaymentStatus[] = (
  Object.keys(TRANSITIONS) as PaymentStatus[]
).filter((s) => !isFinal(s) && !canRefund(s));

/** What made a payment change: the API call, the payer's return, a job, or one provider event. */
export type TransitionCause = 'api' | 'return' | 'reconcile' | 'audit' | `webhook:${string}`;
