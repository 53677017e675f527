// All sandbox state in one JSON-serialisable value, so persistence is one atomic file write.
//
// Every record in it is keyed by ids and keys clients choose (`/v1/customers/<id>`, idempotency
// keys), so every record is a prototype-less dict (protocol/dict.ts) — made so by `emptyState()`
// and again by `load()`, since JSON.parse builds plain objects — and lookups check own keys, so
// `constructor` or `__proto__` is just an id nothing has.
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { dict, own } from './protocol/dict';
import { notFound } from './protocol/errors';
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
  deliveries: Delivery[];
}

const INTERNAL_RECORDS = [
  'cards',
  'offSessionReady',
  'holds',
  'threeDS',
  'lineItems',
  'cryptoSettlements',
  'invoiceOfIntent',
  'pendingProrations',
  'endpointSecrets',
  'offSessionIntents',
  'checkoutOptions',
  'deleted',
] as const satisfies readonly (keyof Internal)[];

/**
 * `loaded` (a parsed state file, possibly older and lacking collections added since) with every
 * record rebuilt as a dict; without it, an empty state.
 */
function dictState(loaded?: Partial<State>): State {
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
    deliveries: loaded?.deliveries ?? [],
  };
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
};

export class Store {
  state: State;

  constructor(state: State = emptyState()) {
    this.state = state;
  }

  insert<K extends Kind>(kind: K, obj: Collections[K] & { id: string }): Collections[K] {
    (this.state.objects[kind] as Record<string, Collections[K]>)[obj.id] = obj;
    this.state.order[obj.id] = ++this.state.seq;
    return obj;
  }

  find<K extends Kind>(kind: K, id: string): Collections[K] | undefined {
    return own(this.state.objects[kind], id);
  }

  get<K extends Kind>(kind: K, id: string, param = 'id'): Collections[K] {
    const obj = this.find(kind, id);
    if (obj === undefined) throw notFound(NAMES[kind], id, param);
    return obj;
  }

  remove(kind: Kind, id: string): void {
    if (Object.hasOwn(this.state.objects[kind], id)) delete this.state.objects[kind][id];
  }

  /** Newest first, ties broken by insertion order, as Stripe lists are. */
  all<K extends Kind>(kind: K, filter?: (o: Collections[K]) => boolean): Collections[K][] {
    const rows: Collections[K][] = Object.values(this.state.objects[kind]);
    const order = this.state.order;
    return rows
      .filter((o) => (filter ? filter(o) : true))
      .sort((a, b) => (own(order, idOf(b)) ?? 0) - (own(order, idOf(a)) ?? 0));
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
}

function idOf(o: unknown): string {
  return (o as { id: string }).id;
}

const WRITE_DELAY_MS = 25;
const FILE_MODE = 0o600;

/** Writes state atomically (tmp + rename) so a crash never leaves half a file. */
export class StateFile {
  private writing = false;
  private dirty = false;
  private idle: Promise<void> = Promise.resolve();
  private resolveIdle: (() => void) | null = null;

  constructor(
    private readonly path: string,
    private readonly snapshot: () => State,
    private readonly onError: (err: unknown) => void,
  ) {}

  load(): State | undefined {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    // Files written before it was owner-only were world-readable (0644).
    try {
      chmodSync(this.path, FILE_MODE);
    } catch (err) {
      this.onError(err);
    }
    return dictState(JSON.parse(text) as Partial<State>);
  }

  /**
   * Coalesces bursts of changes into one write shortly after the first: the whole state is
   * rewritten each time, so writing per request would dominate under load. A crash loses at most
   * the last WRITE_DELAY_MS of changes.
   */
  markDirty(): void {
    this.dirty = true;
    if (this.writing) return;
    this.writing = true;
    this.idle = new Promise((resolve) => (this.resolveIdle = resolve));
    setTimeout(() => this.drain(), WRITE_DELAY_MS);
  }

  private drain(): void {
    while (this.dirty) {
      this.dirty = false;
      try {
        this.writeNow();
      } catch (err) {
        this.onError(err);
      }
    }
    this.writing = false;
    this.resolveIdle?.();
  }

  /**
   * The file holds customers' e-mails and names: owner-only (0600), the temp file too, since it
   * becomes the file. `mode` applies only when a file is created, so a temp file left by a crash
   * is chmod-ed as well.
   */
  writeNow(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.snapshot()), { mode: FILE_MODE });
    chmodSync(tmp, FILE_MODE);
    renameSync(tmp, this.path);
  }

  async flush(): Promise<void> {
    await this.idle;
    if (this.dirty) this.writeNow();
  }
}
