// The sandbox's shared core: state, time, events. Resource modules are functions over it.
import Stripe from 'stripe';
import type { Clock } from './clock';
import { DEFAULT_BALANCE_CONFIG, type BalanceConfig } from './fees';
import type { Logger } from './logger';
import { newId } from './protocol/ids';
import type { Store } from './store';
import type { Target, WebhookDispatcher } from './webhooks/dispatcher';

/** The API version events are rendered in: the one this SDK release pins. */
export const API_VERSION: string = Stripe.API_VERSION;

export interface RequestContext {
  requestId: string;
  idempotencyKey: string | null;
}

export type Ticker = (engine: Engine) => void;

export class Engine {
  /** Set while an API request is being handled; events carry it as `request`. */
  current: RequestContext | null = null;
  dispatcher!: WebhookDispatcher;
  /** Fees and settlement timing (fees.ts); set from SandboxOptions.balance at start. */
  balance: BalanceConfig = DEFAULT_BALANCE_CONFIG;
  private readonly tickers: Ticker[] = [];
  private readonly intentHooks: Array<(pi: Stripe.PaymentIntent) => void> = [];

  constructor(
    readonly store: Store,
    readonly clock: Clock,
    public baseUrl: string,
    readonly logger: Logger,
    private readonly envTarget: Target | null,
  ) {}

  now(): number {
    return this.clock.now();
  }

  /** Saves what the current request changed: called before any write is answered. */
  changed(): void {
    this.store.commit();
  }

  webhookTargets(): Target[] {
    const fromApi = this.store
      .all('webhook_endpoint', (e) => e.status === 'enabled')
      .reverse()
      .map((e) => ({
        id: e.id,
        url: e.url,
        secret: this.store.internal.endpointSecrets[e.id] ?? '',
        enabledEvents: e.enabled_events,
      }));
    return this.envTarget === null ? fromApi : [this.envTarget, ...fromApi];
  }

  /**
   * Records an event with a snapshot of `object` and hands it to the dispatcher. The snapshot is
   * a deep copy: later changes to the object must not rewrite history.
   */
  emit(
    type: Stripe.Event.Type,
    object: object,
    previous?: Record<string, unknown>,
    /** The connected account it happened on (Connect events); default: the request's scope. */
    account?: string,
  ): Stripe.Event {
    const on = account ?? (typeof this.store.scope === 'string' ? this.store.scope : undefined);
    const data: { object: object; previous_attributes?: Record<string, unknown> } = {
      object: structuredClone(object),
    };
    if (previous !== undefined && Object.keys(previous).length > 0) {
      data.previous_attributes = structuredClone(previous);
    }
    const event = {
      id: newId('evt'),
      object: 'event',
      // Connect events name the account; they go to the platform's endpoints (docs/stripe-sandbox.md).
      ...(on !== undefined ? { account: on } : {}),
      api_version: API_VERSION,
      created: this.now(),
      data,
      livemode: false,
      pending_webhooks: this.dispatcher.matching(type).length,
      request: {
        id: this.current?.requestId ?? null,
        idempotency_key: this.current?.idempotencyKey ?? null,
      },
      type,
    } as unknown as Stripe.Event;
    this.store.insert('event', event);
    this.dispatcher.enqueue(event);
    // Saved with the request's answer; an event emitted by scheduled work is saved soon after.
    this.store.commitSoon();
    return event;
  }

  /** Other resources (invoices, checkout) react when an intent settles or fails. */
  onIntentChange(hook: (pi: Stripe.PaymentIntent) => void): void {
    this.intentHooks.push(hook);
  }

  intentChanged(pi: Stripe.PaymentIntent): void {
    for (const h of this.intentHooks) h(pi);
  }

  onTick(ticker: Ticker): void {
    this.tickers.push(ticker);
  }

  /** Runs everything that is due at the current sandbox time (expiries, renewals, settlements). */
  tick(): void {
    for (const t of this.tickers) t(this);
  }
}

/** Top-level fields whose values differ, with the old values: an event's previous_attributes. */
export function diff(before: object, after: object): Record<string, unknown> {
  const prev: Record<string, unknown> = {};
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  for (const key of Object.keys(b)) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) prev[key] = a[key] ?? null;
  }
  return prev;
}
