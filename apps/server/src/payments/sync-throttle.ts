import type { Clock } from '../platform/clock';

/** Bound on remembered keys; beyond it the oldest settled entries are dropped. */
const MAX_KEYS = 10_000;

interface Entry<T> {
  running?: Promise<T>;
  settledAtMs?: number;
  outcome?: { ok: true; value: T } | { ok: false; error: Error };
}

/**
 * At most one provider read per key (a payment, a setup intent) per `intervalMs`, on this node:
 * callers arriving while a read is in flight share it, and callers within the interval after it
 * settled get its outcome again (a failure too: a provider in trouble is not asked again at once).
 * Public return pages are reachable by anyone holding a link and each read spends the platform's
 * provider rate limit; webhooks and reconciliation still bring every change, so an answer a few
 * seconds old loses nothing.
 */
export class SyncThrottle<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly intervalMs: number,
    private readonly clock: Clock,
  ) {}

  run(key: string, read: () => Promise<T>): Promise<T> {
    const now = this.clock.now().getTime();
    const known = this.entries.get(key);
    if (known?.running) return known.running;
    if (known?.outcome && now - known.settledAtMs! < this.intervalMs) {
      const o = known.outcome;
      return o.ok ? Promise.resolve(o.value) : Promise.reject(o.error);
    }
    if (this.entries.size >= MAX_KEYS) this.sweep(now);
    const entry: Entry<T> = {};
    const settle = (outcome: NonNullable<Entry<T>['outcome']>) => {
      entry.running = undefined;
      entry.outcome = outcome;
      entry.settledAtMs = this.clock.now().getTime();
    };
    entry.running = read().then(
      (value) => {
        settle({ ok: true, value });
        return value;
      },
      (error: unknown) => {
        settle({ ok: false, error: error instanceof Error ? error : new Error(String(error)) });
        throw error;
      },
    );
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.running;
  }

  private sweep(now: number): void {
    for (const [k, e] of this.entries) {
      if (!e.running && now - (e.settledAtMs ?? 0) >= this.intervalMs) this.entries.delete(k);
    }
    // Still full of fresh entries: forget the oldest settled ones (they only save a read).
    for (const [k, e] of this.entries) {
      if (this.entries.size < MAX_KEYS) return;
      if (!e.running) this.entries.delete(k);
    }
  }
}
