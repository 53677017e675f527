import type { Logger } from '../logging/logger';

/** What a handler receives: the published value, parsed back from its JSON. */
export type MessageHandler = (message: unknown) => void;
export type Unsubscribe = () => Promise<void>;

/**
 * Messages between the nodes of one deployment: a value published on a channel reaches every
 * handler subscribed to that channel on every node (this one included), at most once. Nothing is
 * stored: a node not subscribed, or whose connection is down, when a message passes never sees
 * it, so what needs an answer carries its own timeout. Channel names are `[A-Za-z0-9_.:-]`, at
 * most 63 characters (PostgreSQL's limit for a LISTEN channel). The engine is Redis pub/sub when
 * REDIS_URL is set, else PostgreSQL's LISTEN/NOTIFY (runtime.ts); an abstract class so it is its
 * own injection token.
 */
export abstract class PubSub {
  /** Sends `message` (any JSON value) to the channel's subscribers; resolves once the engine took it. */
  abstract publish(channel: string, message: unknown): Promise<void>;
  /** Resolves once the engine listens on the channel; the function it returns stops this handler. */
  abstract subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe>;
  abstract close(): Promise<void>;
}

const CHANNEL = /^[A-Za-z0-9_.:-]{1,63}$/;

export function checkChannel(channel: string): void {
  if (!CHANNEL.test(channel)) throw new Error(`not a pub/sub channel name: ${channel}`);
}

/** Largest message either engine accepts, as JSON (commands and events are far below it). */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * What both engines share: any number of handlers per channel on one engine subscription, taken
 * with the first handler and dropped with the last; a handler that throws is logged and does not
 * keep the message from the others.
 */
export abstract class FanOutPubSub extends PubSub {
  private readonly handlers = new Map<string, Set<MessageHandler>>();
  private readonly listening = new Map<string, Promise<void>>();

  constructor(protected readonly log: Logger) {
    super();
  }

  /** Make the engine deliver this channel's messages (to `deliver`). */
  protected abstract listen(channel: string): Promise<void>;
  protected abstract unlisten(channel: string): Promise<void>;

  /** Every channel with a handler: what a reconnected engine listens to again. */
  protected channels(): string[] {
    return [...this.handlers.keys()];
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe> {
    checkChannel(channel);
    let set = this.handlers.get(channel);
    if (!set) this.handlers.set(channel, (set = new Set()));
    // A wrapper per subscription: the same function subscribed twice is two subscriptions.
    const own: MessageHandler = (m) => handler(m);
    set.add(own);
    let listened = this.listening.get(channel);
    if (!listened) {
      listened = this.listen(channel);
      this.listening.set(channel, listened);
      listened.catch(() => this.listening.delete(channel));
    }
    try {
      await listened;
    } catch (err) {
      this.drop(channel, own);
      throw err;
    }
    let done = false;
    return async () => {
      if (done) return;
      done = true;
      if (this.drop(channel, own))
        await this.unlisten(channel).catch((err: unknown) =>
          this.log.warn({ err, channel }, 'pub/sub unlisten failed'),
        );
    };
  }

  /** Removes a handler; true if it was the channel's last. */
  private drop(channel: string, handler: MessageHandler): boolean {
    const set = this.handlers.get(channel);
    if (!set?.delete(handler) || set.size > 0) return false;
    this.handlers.delete(channel);
    this.listening.delete(channel);
    return true;
  }

  protected deliver(channel: string, json: string): void {
    const set = this.handlers.get(channel);
    if (!set) return;
    let message: unknown;
    try {
      message = JSON.parse(json);
    } catch (err) {
      this.log.warn({ err, channel }, 'pub/sub message is not JSON; dropped');
      return;
    }
    for (const handler of [...set]) {
      try {
        handler(message);
      } catch (err) {
        this.log.error({ err, channel }, 'pub/sub handler failed');
      }
    }
  }

  protected encode(message: unknown): string {
    const json = JSON.stringify(message);
    if (json === undefined) throw new Error('pub/sub message is not JSON');
    if (Buffer.byteLength(json) > MAX_MESSAGE_BYTES)
      throw new Error(`pub/sub message over ${MAX_MESSAGE_BYTES} bytes`);
    return json;
  }
}
