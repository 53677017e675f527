// Delivers events to webhook endpoints: signed, one at a time per endpoint (so ordering is
// predictable unless a control scrambles it), retried with backoff, every attempt recorded.
import type Stripe from 'stripe';
import type { Logger } from '../logger';
import { newId } from '../protocol/ids';
import type { Delivery, Store } from '../store';
import { signatureHeader } from './signature';

export interface Target {
  id: string;
  url: string;
  secret: string;
  enabledEvents: string[];
}

export interface DispatcherOptions {
  retryScheduleMs: number[];
  timeoutMs: number;
  logger: Logger;
}

interface Job {
  delivery: Delivery;
  payload: string;
}

export class WebhookDispatcher {
  private readonly queues = new Map<string, Job[]>();
  private readonly busy = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private duplicateRemaining = 0;
  private reorderRemaining = 0;
  private reorderBuffer: Job[] = [];
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly targets: () => Target[],
    private readonly options: DispatcherOptions,
  ) {}

  /** Endpoints that would receive this event type; decides `pending_webhooks`. */
  matching(type: string): Target[] {
    return this.targets().filter(
      (t) => t.enabledEvents.includes('*') || t.enabledEvents.includes(type),
    );
  }

  enqueue(event: Stripe.Event): void {
    const payload = JSON.stringify(event, null, 2);
    for (const target of this.matching(event.type)) {
      const delivery: Delivery = {
        id: newId('whd'),
        eventId: event.id,
        eventType: event.type,
        endpointId: target.id,
        url: target.url,
        attempts: [],
        state: 'pending',
        nextAttemptAt: Date.now(),
      };
      this.store.state.deliveries[delivery.id] = delivery;
      this.route({ delivery, payload });
    }
  }

  /** The next `count` deliveries are each sent twice. */
  duplicateNext(count: number): void {
    this.duplicateRemaining = count;
  }

  /** The next `count` deliveries are held back and then sent in reverse order. */
  reorderNext(count: number): void {
    this.flushReordered();
    this.reorderRemaining = count;
  }

  /** Releases any deliveries held by `reorderNext` before the count was reached. */
  flushReordered(): void {
    const held = this.reorderBuffer.reverse();
    this.reorderBuffer = [];
    this.reorderRemaining = 0;
    for (const job of held) this.push(job);
  }

  /** Re-queues deliveries that were pending when the state was last saved. */
  resumePending(): void {
    for (const delivery of Object.values(this.store.raw(this.store.state.deliveries))) {
      if (delivery.state !== 'pending') continue;
      const event = this.store.find('event', delivery.eventId);
      if (event === undefined) continue;
      const job = { delivery, payload: JSON.stringify(event, null, 2) };
      this.scheduleRetry(job, Math.max(0, (delivery.nextAttemptAt ?? 0) - Date.now()));
    }
  }

  private route(job: Job): void {
    if (this.reorderRemaining > 0) {
      this.reorderBuffer.push(job);
      this.reorderRemaining -= 1;
      if (this.reorderRemaining === 0) this.flushReordered();
      return;
    }
    this.push(job);
    if (this.duplicateRemaining > 0) {
      this.duplicateRemaining -= 1;
      const copy: Delivery = { ...job.delivery, id: newId('whd'), attempts: [] };
      this.store.state.deliveries[copy.id] = copy;
      this.push({ delivery: copy, payload: job.payload });
    }
  }

  private push(job: Job): void {
    const key = job.delivery.endpointId;
    const queue = this.queues.get(key) ?? [];
    queue.push(job);
    this.queues.set(key, queue);
    this.pump(key);
  }

  private pump(key: string): void {
    if (this.closed || this.busy.has(key)) return;
    const job = this.queues.get(key)?.shift();
    if (job === undefined) return;
    this.busy.add(key);
    const run = this.attempt(job)
      .catch((err: unknown) => this.options.logger.error({ err }, 'webhook delivery crashed'))
      .finally(() => {
        this.busy.delete(key);
        this.inFlight.delete(run);
        this.pump(key);
      });
    this.inFlight.add(run);
  }

  private async attempt(job: Job): Promise<void> {
    const { delivery, payload } = job;
    const target = this.targets().find((t) => t.id === delivery.endpointId);
    if (target === undefined) {
      delivery.state = 'failed';
      delivery.nextAttemptAt = null;
      this.changed(delivery);
      return;
    }
    // Signed with wall-clock time: receivers check it against their own clock (300 s tolerance),
    // which must keep working after the sandbox clock has been advanced.
    const signature = signatureHeader(payload, target.secret, Math.floor(Date.now() / 1000));
    const started = Date.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'stripe-signature': signature,
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        },
        body: payload,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      status = res.status;
      await res.arrayBuffer();
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    delivery.attempts.push({ at: started, status, error, durationMs: Date.now() - started });
    const ok = status !== null && status >= 200 && status < 300;
    const delay = this.options.retryScheduleMs[delivery.attempts.length - 1];
    if (ok) {
      delivery.state = 'succeeded';
      delivery.nextAttemptAt = null;
      this.decrementPending(delivery.eventId);
    } else if (delay === undefined) {
      delivery.state = 'failed';
      delivery.nextAttemptAt = null;
      this.options.logger.warn(
        { delivery: delivery.id, event: delivery.eventId, status, error },
        'webhook delivery gave up',
      );
    } else {
      delivery.nextAttemptAt = Date.now() + delay;
      // When closing, the retry stays `pending` in the saved state and resumes on restart.
      if (!this.closed) this.scheduleRetry(job, delay);
    }
    this.changed(delivery);
  }

  private scheduleRetry(job: Job, delay: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.push(job);
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  /** Keeps the record of recent deliveries bounded (oldest finished ones go first). */
  prune(max: number): void {
    const all = this.store.raw(this.store.state.deliveries);
    let excess = Object.keys(all).length - max;
    for (const d of Object.values(all)) {
      if (excess <= 0) break;
      if (d.state === 'pending') continue;
      delete this.store.state.deliveries[d.id];
      excess -= 1;
    }
  }

  /** A delivery held across requests changed: saved shortly (no answer waits for it). */
  private changed(delivery: Delivery): void {
    this.store.touch('d', delivery.id);
    this.store.commitSoon();
  }

  private decrementPending(eventId: string): void {
    const event = this.store.find('event', eventId);
    if (event !== undefined && event.pending_webhooks > 0) {
      event.pending_webhooks -= 1;
      this.store.touch('o.event', eventId);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
  }
}
