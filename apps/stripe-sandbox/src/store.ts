// All sandbox state: keyed records in memory, and with a database (state-db.ts) written through
// on every change before the answer (tracked.ts says which records changed).
//
// Every record in it is keyed by ids and keys clients choose (`/v1/customers/<id>`, idempotency
// keys), so every record is a prototype-less dict (protocol/dict.ts) — made so by `emptyState()`
// and again on load, since JSON.parse builds plain objects — and lookups check own keys, so
// `constructor` or `__proto__` is just an id nothing has.
import { dict, own } from './protocol/dict';
import { notFound } from './protocol/errors';
import { takeLegacyJson, type Row, type StateDb } from './state-db';
import { Tracker } from './tracked';
import type { Collections, Internal, Kind } from './types';
import { KINDS, PREFIXES } from './types';

export interface IdempotencyEntry {
  params: string;
  createdAt: number;
  inFlight: boolean;
  status?: number;
  body?: string;
  requestId?: string;
}

export interface DeliveryAttempt {
  at: number;
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  endpointId: string;
  url: string;
  attempts: DeliveryAttempt[];
  state: 'pending' | 'succeeded' | 'failed';
  nextAttemptAt: number | null;
}

export interface State {
  version: 1;
  seq: number;
  clockOffsetMs: number;
  objects: { [K in Kind]: Record<string, Collections[K]> };
  order: Record<string, number>;
  internal: Internal;
  idempotency: Record<string, IdempotencyEntry>;
  /** By delivery id, oldest first. */
  deliveries: Record<string, Delivery>;
}

const INTERNAL_RECORDS = [
  'cards',
  'offSessionReady',
  'holds',
  'increments',
  'threeDS',
  'lineItems',
  'cryptoSettlements',
  'invoiceOfIntent',
  'pendingProrations',
  'endpointSecrets',
  'offSessionIntents',
  'checkoutOptions',
  'deleted',
  'pendingFunds',
  'payoutsInTransit',
  'payoutFailures',
  'accountLinks',
  'onboardingForms',
  'owners',
] as const satisfies readonly (keyof Internal)[];

/**
 * `loaded` (a parsed state file, possibly older and lacking collections added since) with every
 * record rebuilt as a dict; without it, an empty state.
 */
function dictState(loaded?: Partial<Omit<State, 'deliveries'>> & { deliveries?: unknown }): State {
  const objects = dict<Record<string, unknown>>() as unknown as State['objects'];
  for (const k of KINDS) {
    const from = loaded?.objects?.[k] as Record<string, unknown> | undefined;
    (objects as Record<Kind, Record<string, unknown>>)[k] = dict(from);
  }
  const internal = dict<Record<string, unknown>>() as unknown as Internal;
  for (const k of INTERNAL_RECORDS) {
    (internal as unknown as Record<string, Record<string, unknown>>)[k] = dict(
      loaded?.internal?.[k] as Record<string, unknown> | undefined,
    );
  }
  return {
    version: 1,
    seq: loaded?.seq ?? 0,
    clockOffsetMs: loaded?.clockOffsetMs ?? 0,
    objects,
    order: dict(loaded?.order),
    internal,
    idempotency: dict(loaded?.idempotency),
    deliveries: deliveriesOf(loaded?.deliveries),
  };
}

/** State files before the database kept deliveries as an array. */
function deliveriesOf(loaded: unknown): Record<string, Delivery> {
  if (!Array.isArray(loaded)) return dict(loaded as Record<string, Delivery> | undefined);
  const out = dict<Delivery>();
  for (const d of loaded as Delivery[]) out[d.id] = d;
  return out;
}

export function emptyState(): State {
  return dictState();
}

/** Human names used in Stripe's "No such …" messages. */
const NAMES: Record<Kind, string> = {
  customer: 'customer',
  payment_method: 'PaymentMethod',
  setup_intent: 'setupintent',
  payment_intent: 'payment_intent',
  charge: 'charge',
  refund: 'refund',
  dispute: 'dispute',
  'checkout.session': 'checkout.session',
  product: 'product',
  price: 'price',
  subscription: 'subscription',
  subscription_item: 'subscription_item',
  invoice: 'invoice',
  invoice_payment: 'invoice_payment',
  event: 'event',
  webhook_endpoint: 'webhook endpoint',
  account: 'account',
  transfer: 'transfer',
  balance_transaction: 'balance transaction',
  payout: 'payout',
  transfer_reversal: 'transfer reversal',
};

/** Kinds that belong to the platform whatever `Stripe-Account` says (accounts, their webhooks). */
const UNSCOPED: ReadonlySet<Kind> = new Set(['account', 'webhook_endpoint']);

export interface Durable {
  db: StateDb;
  /** The sandbox clock's offset, saved with every commit. */
  clockOffsetMs: () => number;
  onError: (err: unknown) => void;
}

/** Every keyed dict of a state with its namespace in the database. */
function namespaces(state: State): [string, Record<string, unknown>][] {
  return [
    ...KINDS.map((k): [string, Record<string, unknown>] => [`o.${k}`, state.objects[k]]),
    ['order', state.order],
    ['idem', state.idempotency],
    ['d', state.deliveries],
    ...Object.entries(state.internal).map(([k, v]): [string, Record<string, unknown>] => [
      `i.${k}`,
      v as Record<string, unknown>,
    ]),
  ];
}

/** After this long without an answer to write before, changes (webhook attempts) are saved. */
const BACKGROUND_COMMIT_MS = 10;

export class Store {
  state: State;
  private readonly tracker: Tracker | null;
  /** Namespace → the raw dict (what the database rows mirror). */
  private dicts = new Map<string, Record<string, unknown>>();
  private timer: NodeJS.Timeout | null = null;
  private lastMeta = '';

  constructor(
    state: State = emptyState(),
    private readonly durable: Durable | null = null,
  ) {
    this.tracker = durable === null ? null : new Tracker();
    this.state = this.attach(state);
  }

  /**
   * The state saved in `durable.db` (or, on first use, a state file of an older sandbox next to
   * it), and its clock offset.
   */
  static open(durable: Durable): { store: Store; clockOffsetMs: number } {
    const { rows, meta } = durable.db.read();
    if (rows.length === 0) {
      const legacy = takeLegacyJson(durable.db.path) as Partial<State> | undefined;
      if (legacy !== undefined) {
        const store = new Store(dictState(legacy), durable);
        store.touchEverything();
        store.commit();
        return { store, clockOffsetMs: legacy.clockOffsetMs ?? 0 };
      }
    }
    const state = emptyState();
    const dicts = new Map(namespaces(state));
    for (const r of rows) {
      const target = dicts.get(r.ns);
      if (target !== undefined) target[r.id] = JSON.parse(r.body) as unknown;
    }
    state.seq = Number(meta.seq ?? 0);
    const clockOffsetMs = Number(meta.clockOffsetMs ?? 0);
    return { store: new Store(state, durable), clockOffsetMs };
  }

  /** Wraps the state's dicts so that what a request touches is known (durable stores only). */
  private attach(state: State): State {
    this.dicts = new Map(namespaces(state));
    const tracker = this.tracker;
    if (tracker === null) return state;
    const wrap = <T extends object>(ns: string, d: T): T => tracker.wrap(ns, d);
    for (const k of KINDS) {
      (state.objects as Record<Kind, object>)[k] = wrap(`o.${k}`, state.objects[k]);
    }
    state.order = wrap('order', state.order);
    state.idempotency = wrap('idem', state.idempotency);
    state.deliveries = wrap('d', state.deliveries);
    const internal = state.internal as unknown as Record<string, object>;
    for (const k of Object.keys(internal)) internal[k] = wrap(`i.${k}`, internal[k] as object);
    return state;
  }

  /**
   * While an API request runs: the connected account its `Stripe-Account` header names, or null
   * for the platform. Objects created then belong to it, and only its own objects are found.
   * Undefined outside requests (scheduled work and the sandbox's pages see everything).
   */
  scope: string | null | undefined = undefined;

  private visible(kind: Kind, id: string): boolean {
    if (this.scope === undefined || UNSCOPED.has(kind)) return true;
    return (own(this.raw(this.state.internal.owners), id) ?? null) === this.scope;
  }

  insert<K extends Kind>(kind: K, obj: Collections[K] & { id: string }): Collections[K] {
    if (typeof this.scope === 'string' && !UNSCOPED.has(kind)) {
      this.state.internal.owners[obj.id] = this.scope;
    }
    (this.state.objects[kind] as Record<string, Collections[K]>)[obj.id] = obj;
    this.state.order[obj.id] = ++this.state.seq;
    return obj;
  }

  find<K extends Kind>(kind: K, id: string): Collections[K] | undefined {
    const obj = own(this.state.objects[kind], id);
    return obj !== undefined && this.visible(kind, id) ? obj : undefined;
  }

  get<K extends Kind>(kind: K, id: string, param = 'id'): Collections[K] {
    const obj = this.find(kind, id);
    if (obj === undefined) throw notFound(NAMES[kind], id, param);
    return obj;
  }

  /** An object a request names in a parameter (`customer=cus_…`): missing is 400, not 404. */
  referenced<K extends Kind>(kind: K, id: string, param: string): Collections[K] {
    const obj = this.find(kind, id);
    if (obj === undefined) throw notFound(NAMES[kind], id, param, true);
    return obj;
  }

  remove(kind: Kind, id: string): void {
    if (Object.hasOwn(this.state.objects[kind], id)) delete this.state.objects[kind][id];
  }

  /** Newest first, ties broken by insertion order, as Stripe lists are. Marks only what it returns. */
  all<K extends Kind>(kind: K, filter?: (o: Collections[K]) => boolean): Collections[K][] {
    const rows: Collections[K][] = Object.values(this.raw(this.state.objects[kind]));
    const order = this.raw(this.state.order);
    const out = rows
      .filter((o) => this.visible(kind, idOf(o)) && (filter ? filter(o) : true))
      .sort((a, b) => (own(order, idOf(b)) ?? 0) - (own(order, idOf(a)) ?? 0));
    for (const o of out) this.read(`o.${kind}`, idOf(o));
    return out;
  }

  /** Any object by id, whatever its kind (used by `expand`). */
  byId(id: string): { kind: Kind; obj: Collections[Kind] } | undefined {
    const prefix = id.startsWith('cs_') ? 'cs' : id.slice(0, id.indexOf('_'));
    const kind = own(PREFIXES, prefix);
    if (kind === undefined) return undefined;
    const obj = this.find(kind, id);
    return obj === undefined ? undefined : { kind, obj };
  }

  get internal(): Internal {
    return this.state.internal;
  }

  /** The dict behind `d`, for scans that must not mark every record they pass. */
  raw<T extends object>(d: T): T {
    return this.tracker?.raw(d) ?? d;
  }

  /** Runs a read-only handler without marking what it reads. */
  reading<T>(fn: () => T): T {
    return this.tracker === null ? fn() : this.tracker.quietly(fn);
  }

  /** Marks a record changed by code that held it across requests (the webhook dispatcher). */
  touch(ns: 'd' | `o.${Kind}`, id: string): void {
    this.tracker?.touch(ns, id);
  }

  private read(ns: string, id: string): void {
    this.tracker?.touchUnlessQuiet(ns, id);
  }

  /** Everything, as after importing an older state file. */
  touchEverything(): void {
    for (const [ns, d] of this.dicts) for (const id of Object.keys(d)) this.tracker?.touch(ns, id);
  }

  /** An empty state (the `/_sandbox/reset` control), the database emptied with it. */
  reset(): void {
    this.tracker?.drain();
    this.durable?.db.clear();
    this.lastMeta = '';
    this.state = this.attach(emptyState());
  }

  /**
   * Writes what changed since the last commit, in one transaction. Called before every answer to
   * a write and after every tick, so an answered write is on disk. In-flight idempotency entries
   * are not written: their request has not been answered, and a restart must not find them held.
   */
  commit(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const { durable, tracker } = this;
    if (durable === null || tracker === null) return;
    const rows: Row[] = [];
    for (const [ns, ids] of tracker.drain()) {
      const d = this.dicts.get(ns);
      if (d === undefined) continue;
      for (const id of ids) {
        const value = own(d, id);
        if (ns === 'idem' && (value as IdempotencyEntry | undefined)?.inFlight) continue;
        rows.push({ ns, id, body: value === undefined ? null : JSON.stringify(value) });
      }
    }
    const meta = { seq: String(this.state.seq), clockOffsetMs: String(durable.clockOffsetMs()) };
    const metaText = `${meta.seq}:${meta.clockOffsetMs}`;
    if (rows.length === 0 && metaText === this.lastMeta) return;
    try {
      durable.db.write(rows, meta);
      this.lastMeta = metaText;
    } catch (err) {
      // Marked again, so the next commit retries them.
      for (const r of rows) tracker.touch(r.ns, r.id);
      durable.onError(err);
    }
  }

  /** A commit shortly, for changes no answer waits for (webhook attempts, scheduled work). */
  commitSoon(): void {
    if (this.durable === null || this.timer !== null) return;
    this.timer = setTimeout(() => this.commit(), BACKGROUND_COMMIT_MS);
    this.timer.unref();
  }

  /** The last commit, and the database closed. */
  close(): void {
    this.commit();
    this.durable?.db.close();
  }
}

function idOf(o: unknown): string {
  return (o as { id: string }).id;
}
