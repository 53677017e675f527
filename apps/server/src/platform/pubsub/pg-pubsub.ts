import { randomBytes } from 'node:crypto';
import { Client, type Pool } from 'pg';
import type { Logger } from '../logging/logger';
import { FanOutPubSub, checkChannel } from './pubsub';

/** The application_name of the listening connection (tests find it by this to cut it). */
export const PUBSUB_APPLICATION_NAME = 'tender-pubsub';

/**
 * NOTIFY refuses a payload of 8000 bytes or more. A message that fits goes as `w<json>`; a bigger
 * one as numbered base64 chunks `c<id>:<i>:<n>:<data>` sent by one statement, so they commit (and
 * are delivered) together or not at all, and the receiver joins them by index.
 */
const WHOLE_LIMIT = 7_900;
const CHUNK_CHARS = 7_000;
/** A message whose chunks have not all come by then never will (its sender's statement failed). */
const CHUNK_TTL_MS = 30_000;

interface Pending {
  parts: string[];
  got: number;
  timer: NodeJS.Timeout;
}

/**
 * PostgreSQL LISTEN/NOTIFY, for a deployment without Redis (and on embedded PostgreSQL). Publishing
 * is `pg_notify` through the pool; listening is one dedicated connection, as a LISTEN belongs to
 * its session. When that connection drops, it is opened again (every `reconnectMs`, until it
 * works) and LISTENs again on every channel; what was published in between is lost.
 */
export class PgPubSub extends FanOutPubSub {
  private client?: Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;
  private readonly partials = new Map<string, Pending>();

  constructor(
    private readonly url: string,
    private readonly pool: Pool,
    log: Logger,
    private readonly reconnectMs = 1_000,
  ) {
    super(log);
  }

  async start(): Promise<void> {
    const client = new Client({
      connectionString: this.url,
      application_name: PUBSUB_APPLICATION_NAME,
    });
    client.on('notification', (n) => {
      if (n.payload !== undefined) this.received(n.channel, n.payload);
    });
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = undefined;
      if (this.stopped) return;
      this.log.warn({ err }, 'pub/sub listener connection lost; reconnecting');
      this.reconnectLater();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    await client.connect();
    try {
      for (const channel of this.channels()) await client.query(`LISTEN "${channel}"`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    if (this.stopped) return void (await client.end().catch(() => undefined));
    this.client = client;
  }

  async publish(channel: string, message: unknown): Promise<void> {
    checkChannel(channel);
    const json = this.encode(message);
    if (Buffer.byteLength(json) < WHOLE_LIMIT) {
      await this.pool.query('SELECT pg_notify($1, $2)', [channel, `w${json}`]);
      return;
    }
    const data = Buffer.from(json).toString('base64');
    const id = randomBytes(8).toString('hex');
    const n = Math.ceil(data.length / CHUNK_CHARS);
    const chunks = Array.from(
      { length: n },
      (_, i) => `c${id}:${i}:${n}:${data.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS)}`,
    );
    await this.pool.query('SELECT pg_notify($1, chunk) FROM unnest($2::text[]) AS chunk', [
      channel,
      chunks,
    ]);
  }

  protected async listen(channel: string): Promise<void> {
    // Not connected: the reconnect LISTENs on every channel that has a handler by then.
    await this.client?.query(`LISTEN "${channel}"`);
  }

  protected async unlisten(channel: string): Promise<void> {
    await this.client?.query(`UNLISTEN "${channel}"`);
  }

  async close(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    for (const p of this.partials.values()) clearTimeout(p.timer);
    this.partials.clear();
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  private received(channel: string, payload: string): void {
    if (payload.startsWith('w')) return this.deliver(channel, payload.slice(1));
    const m = /^c([0-9a-f]+):(\d+):(\d+):(.*)$/s.exec(payload);
    if (!m) return this.log.warn({ channel }, 'pub/sub notification of unknown form; dropped');
    const [, id, i, n, data] = m as unknown as [string, string, string, string, string];
    const key = `${channel}\n${id}`;
    let partial = this.partials.get(key);
    if (!partial) {
      const timer = setTimeout(() => this.partials.delete(key), CHUNK_TTL_MS);
      timer.unref();
      partial = { parts: new Array<string>(Number(n)), got: 0, timer };
      this.partials.set(key, partial);
    }
    if (partial.parts[Number(i)] === undefined) partial.got += 1;
    partial.parts[Number(i)] = data;
    if (partial.got < partial.parts.length) return;
    clearTimeout(partial.timer);
    this.partials.delete(key);
    this.deliver(channel, Buffer.from(partial.parts.join(''), 'base64').toString('utf8'));
  }

  private reconnectLater(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (this.stopped) return;
      this.start().then(
        () => this.log.info('pub/sub listener reconnected'),
        (err: unknown) => {
          this.log.warn({ err }, 'pub/sub listener reconnect failed');
          this.reconnectLater();
        },
      );
    }, this.reconnectMs);
    this.retry.unref();
  }
}
