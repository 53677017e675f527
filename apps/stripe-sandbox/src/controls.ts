// `/_sandbox/*`: controls real Stripe lacks, for tests. JSON or form bodies; no API key needed.
import { threadId } from 'node:worker_threads';
import type { FastifyInstance } from 'fastify';
import type { Engine } from './engine';
import type { Faults, FaultKind } from './faults';
import { own } from './protocol/dict';
import { balanceOf, settle } from './resources/balance';
import { openDispute } from './resources/charges';
import { failPayoutAtArrival } from './resources/payouts';

interface ControlDeps {
  engine: Engine;
  faults: Faults;
  reset: () => void;
}

type Body = Record<string, unknown> | undefined;

/** A body field, own keys only (a JSON body is a plain object). */
function field(body: Body, key: string): unknown {
  return body !== null && typeof body === 'object' ? own(body, key) : undefined;
}

function num(body: Body, key: string, fallback?: number): number {
  const v = field(body, key);
  const n = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : fallback;
  if (n === undefined || !Number.isFinite(n)) throw new Error(`${key} must be a number`);
  return n;
}

/** Counts are queued one entry each: bounded, so one request cannot exhaust memory or time. */
function count(body: Body, fallback: number): number {
  const n = num(body, 'count', fallback);
  if (!Number.isInteger(n) || n < 0 || n > MAX_COUNT) {
    throw new Error(`count must be an integer from 0 to ${MAX_COUNT}`);
  }
  return n;
}

const MAX_COUNT = 10_000;

export function registerControls(app: FastifyInstance, deps: ControlDeps): void {
  const { engine, faults } = deps;
  const bad = (reply: { code(c: number): { send(b: object): unknown } }, err: unknown) =>
    reply
      .code(400)
      .send({ error: { type: 'invalid_request_error', message: (err as Error).message } });

  // `thread_id` tells an embedding process whether the sandbox runs on its own thread (worker.ts).
  app.get('/_sandbox/health', () => ({ ok: true, now: engine.now(), thread_id: threadId }));

  /**
   * `{ charge }`: the cardholder disputes that charge now (a chargeback, as test card
   * 4000000000000259 does at payment time) — for disputes that arrive after the money was spent.
   */
  app.post<{ Body: Body }>('/_sandbox/disputes', (req, reply) => {
    const id = field(req.body, 'charge');
    const charge = typeof id === 'string' ? engine.store.find('charge', id) : undefined;
    if (!charge || !charge.captured || charge.disputed)
      return bad(reply, new Error('charge must be a captured, undisputed charge id'));
    return openDispute(engine, charge);
  });

  /**
   * Every pending balance transaction becomes available now (as the settlement delay passing
   * would make it), without moving the clock: for tests that need funds to transfer or pay out.
   */
  app.post('/_sandbox/balance/settle', () => {
    const settled = settle(engine, 'all');
    engine.changed();
    return { settled, balance: balanceOf(engine) };
  });

  /** `{ payout, failure_code }`: that pending payout fails with the code when it arrives. */
  app.post<{ Body: Body }>('/_sandbox/payouts/fail', (req, reply) => {
    try {
      const id = field(req.body, 'payout');
      const code = field(req.body, 'failure_code') ?? 'could_not_process';
      if (typeof id !== 'string' || typeof code !== 'string') {
        throw new Error('payout must be a payout id and failure_code a string');
      }
      const payout = failPayoutAtArrival(engine, id, code);
      engine.changed();
      return { payout: payout.id, failure_code: code };
    } catch (err) {
      return bad(reply, err);
    }
  });

  app.get('/_sandbox/clock', () => ({
    now: engine.now(),
    offset_seconds: engine.clock.offset / 1000,
  }));

  /** `{ seconds }` to move forward, or `{ to }` (unix seconds). Runs everything that fell due. */
  app.post<{ Body: Body }>('/_sandbox/clock/advance', (req, reply) => {
    try {
      const to = field(req.body, 'to');
      const seconds =
        to !== undefined ? num(req.body, 'to') - engine.now() : num(req.body, 'seconds');
      if (seconds < 0) throw new Error('the sandbox clock only moves forward');
      engine.clock.advance(seconds);
      engine.tick();
      engine.changed();
      return { now: engine.now(), offset_seconds: engine.clock.offset / 1000 };
    } catch (err) {
      return bad(reply, err);
    }
  });

  app.post<{ Body: Body }>('/_sandbox/webhooks/duplicate', (req, reply) => {
    try {
      const n = count(req.body, 1);
      engine.dispatcher.duplicateNext(n);
      return { duplicate_next: n };
    } catch (err) {
      return bad(reply, err);
    }
  });

  app.post<{ Body: Body }>('/_sandbox/webhooks/reorder', (req, reply) => {
    try {
      const n = count(req.body, 2);
      engine.dispatcher.reorderNext(n);
      return { reorder_next: n };
    } catch (err) {
      return bad(reply, err);
    }
  });

  app.post('/_sandbox/webhooks/flush', () => {
    engine.dispatcher.flushReordered();
    return { flushed: true };
  });

  app.get<{ Querystring: Record<string, unknown> }>('/_sandbox/deliveries', (req) => {
    const event = req.query.event;
    const type = req.query.type;
    const data = Object.values(engine.store.raw(engine.store.state.deliveries)).filter(
      (d) =>
        (event === undefined || d.eventId === event) &&
        (type === undefined || d.eventType === type),
    );
    return { object: 'list', data };
  });

  /** `{ type: 'rate_limit' | 'api_error' | 'delay', count, delay_ms }` for the next API calls. */
  app.post<{ Body: Body }>('/_sandbox/faults', (req, reply) => {
    try {
      const type = field(req.body, 'type');
      const kinds: FaultKind[] = ['rate_limit', 'api_error', 'delay'];
      if (typeof type !== 'string' || !kinds.includes(type as FaultKind)) {
        throw new Error(`type must be one of ${kinds.join(', ')}`);
      }
      faults.inject(type as FaultKind, count(req.body, 1), num(req.body, 'delay_ms', 0));
      return { pending: faults.pending };
    } catch (err) {
      return bad(reply, err);
    }
  });

  app.delete('/_sandbox/faults', () => {
    faults.clear();
    return { pending: 0 };
  });

  app.post('/_sandbox/reset', () => {
    deps.reset();
    return { reset: true };
  });
}
