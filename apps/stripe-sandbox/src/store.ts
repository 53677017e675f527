// All sandbox state in one JSON-serialisable value, so persistence is one atomic file write.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
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

export function emptyState(): State {
  const objects = {} as { [K in Kind]: Record<string, Collections[K]> };
  for (const k of KINDS) objects[k] = {};
  return {
    version: 1,
    seq: 0,
    clockOffsetMs: 0,
    objects,
    order: {},
    internal: {
      cards: {},
      offSessionReady: {},
      holds: {},
      threeDS: {},
      lineItems: {},
      cryptoSettlements: {},
      invoiceOfIntent: {},
      pendingProrations: {},
      endpointSecrets: {},
      offSessionIntents: {},
      checkoutOptions: {},
      deleted: {},
    },
    idempotency: {},
    deliveries: [],
  };
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
    return this.state.objects[kind][id];
  }

  get<K extends Kind>(kind: K, id: string, param = 'id'): Collections[K] {
    const obj = this.find(kind, id);
    if (obj === undefined) throw notFound(NAMES[kind], id, param);
    return obj;
  }

  remove(kind: Kind, id: string): void {
    delete this.state.objects[kind][id];
  }

  /** Newest first, ties broken by insertion order, as Stripe lists are. */
  all<K extends Kind>(kind: K, filter?: (o: Collections[K]) => boolean): Collections[K][] {
    const rows: Collections[K][] = Object.values(this.state.objects[kind]);
    const order = this.state.order;
    return rows
      .filter((o) => (filter ? filter(o) : true))
      .sort((a, b) => (order[idOf(b)] ?? 0) - (order[idOf(a)] ?? 0));
  }

  /** Any object by id, whatever its kind (used by `expand`). */
  byId(id: string): { kind: Kind; obj: Collections[Kind] } | undefined {
    const prefix = id.startsWith('cs_') ? 'cs' : id.slice(0, id.indexOf('_'));
    const kind = PREFIXES[prefix];
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
    const parsed = JSON.parse(text) as State;
    // Older files may lack collections added later; fill them from an empty state.
    const base = emptyState();
    return {
      ...base,
      ...parsed,
      objects: { ...base.objects, ...parsed.objects },
      internal: { ...base.internal, ...parsed.internal },
    };
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

  writeNow(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.snapshot()));
    renameSync(tmp, this.path);
  }

  async flush(): Promise<void> {
    await this.idle;
    if (this.dirty) this.writeNow();
  }
}
