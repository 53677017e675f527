// Test harness: a sandbox on a free port, the official SDK pointed at it, and a real local HTTP
// server receiving its webhooks (every one verified with stripe.webhooks.constructEvent).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import {
  fillOnboarding,
  startSandbox,
  type RunningSandbox,
  type SandboxOptions,
} from '../src/index';
import { schemaErrors } from './schema';

export const API_KEY = 'sk_test_sandbox_123';

export function sdk(sandbox: { port: number }, key = API_KEY): Stripe {
  return new Stripe(key, {
    host: '127.0.0.1',
    port: sandbox.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
}

export interface Received {
  event: Stripe.Event;
  signature: string;
  status: number;
  at: number;
}

export class WebhookReceiver {
  readonly received: Received[] = [];
  readonly verificationErrors: string[] = [];

  /** Decides the HTTP status per delivery; default 200. */
  respond: (event: Stripe.Event, attempt: number) => number = () => 200;
  secret = '';
  private server!: Server;
  url = '';
  private readonly verifier = new Stripe('sk_test_verifier');

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks`;
    return this;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const signature = String(req.headers['stripe-signature'] ?? '');
      let event: Stripe.Event;
      try {
        event = this.verifier.webhooks.constructEvent(raw, signature, this.secret);
      } catch (err) {
        this.verificationErrors.push((err as Error).message);
        res.writeHead(400).end();
        return;
      }
      const attempt = this.received.filter((r) => r.event.id === event.id).length + 1;
      const status = this.respond(event, attempt);
      this.received.push({ event, signature, status, at: Date.now() });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  }

  /**
   * Every distinct delivered event (and its object) checked against Stripe's OpenAPI schema.
   * Run after the tests: compiling the schemas takes seconds, which must not stall deliveries.
   */
  schemaProblems(): string[] {
    const seen = new Set<string>();
    return this.received.flatMap(({ event }) => {
      if (seen.has(event.id)) return [];
      seen.add(event.id);
      return schemaErrors(event, event.type);
    });
  }

  /** Accepted (2xx) events, in arrival order. */
  get events(): Stripe.Event[] {
    return this.received.filter((r) => r.status < 300).map((r) => r.event);
  }

  types(): string[] {
    return this.events.map((e) => e.type);
  }

  async waitFor(
    predicate: (events: Stripe.Event[]) => boolean,
    timeoutMs = 5000,
  ): Promise<Stripe.Event[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (predicate(this.events)) return this.events;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`timed out waiting for webhooks; got: ${this.types().join(', ')}`);
  }

  async waitForType(type: string, count = 1): Promise<Stripe.Event[]> {
    const events = await this.waitFor((es) => es.filter((e) => e.type === type).length >= count);
    return events.filter((e) => e.type === type);
  }

  /** The first accepted event of `type` whose data.object has id `objectId`. */
  async waitForObject(type: string, objectId: string): Promise<Stripe.Event> {
    const match = (e: Stripe.Event) =>
      e.type === type && (e.data.object as { id?: string }).id === objectId;
    const events = await this.waitFor((es) => es.some(match));
    return events.find(match)!;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface Harness {
  sandbox: RunningSandbox;
  stripe: Stripe;
  hooks: WebhookReceiver;
  control: <T = Record<string, unknown>>(
    path: string,
    body?: object,
    method?: string,
  ) => Promise<T>;
  advance: (seconds: number) => Promise<void>;
  close: () => Promise<void>;
}

export async function harness(options: SandboxOptions = {}): Promise<Harness> {
  const hooks = await new WebhookReceiver().start();
  const sandbox = await startSandbox({
    webhookUrl: hooks.url,
    retryScheduleMs: [20, 40, 80],
    ...options,
  });
  hooks.secret = sandbox.webhookSecret;
  const control = async <T>(
    path: string,
    body?: object,
    method = body === undefined ? 'GET' : 'POST',
  ): Promise<T> => {
    const res = await fetch(`${sandbox.url}/_sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`control ${path} failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    sandbox,
    stripe: sdk(sandbox),
    hooks,
    control,
    advance: async (seconds) => {
      await control('/clock/advance', { seconds });
    },
    close: async () => {
      await sandbox.close();
      await hooks.close();
    },
  };
}

/** Runs `fn` and returns the Stripe error it throws (fails the test if it does not throw). */
export async function stripeError(fn: () => Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError) return err;
    throw err;
  }
  throw new Error('expected a Stripe error, but the call succeeded');
}

/** Event types about one intent (the intent itself, or its charges), in delivery order. */
export function intentEvents(h: Harness, piId: string): string[] {
  return h.hooks.events
    .filter((e) => {
      const o = e.data.object as { id?: string; payment_intent?: string | null };
      return o.id === piId || o.payment_intent === piId;
    })
    .map((e) => e.type);
}

/** Waits until every recorded delivery has been attempted (deliveries are asynchronous). */
export async function settleDeliveries(h: Harness): Promise<void> {
  await h.hooks.waitFor(() => true, 10);
  for (let i = 0; i < 200; i++) {
    const { data } = await h.control<{ data: Array<{ state: string }> }>('/deliveries');
    if (data.every((d) => d.state !== 'pending')) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Onboards an Express account as its owner would: an account link, the hosted form, submitted. */
export async function onboard(s: Stripe, accountId: string): Promise<string> {
  const link = await s.accountLinks.create({
    account: accountId,
    type: 'account_onboarding',
    refresh_url: 'https://platform.example/refresh',
    return_url: 'https://platform.example/return',
  });
  return fillOnboarding(link.url);
}
