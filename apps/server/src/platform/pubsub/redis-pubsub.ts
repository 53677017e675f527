import type { Redis } from 'ioredis';
import type { Logger } from '../logging/logger';
import { FanOutPubSub, checkChannel } from './pubsub';

/**
 * Redis pub/sub. A subscribed Redis connection can do nothing else, so subscriptions have their
 * own connection (a duplicate of the runtime's), and publishing goes through the shared one.
 * ioredis reconnects the subscriber by itself and subscribes it again to every channel. Redis
 * channels are global to the server whatever the database number, so every channel is prefixed
 * with `nameSpace` (the runtime's names the PostgreSQL database, as NOTIFY is per database).
 */
export class RedisPubSub extends FanOutPubSub {
  private readonly subscriber: Redis;

  constructor(
    private readonly redis: Redis,
    private readonly nameSpace: string,
    log: Logger,
  ) {
    super(log);
    this.subscriber = redis.duplicate({
      lazyConnect: true,
      maxRetriesPerRequest: null,
      // Named so an operator (and the reconnect test) can tell it in CLIENT LIST.
      connectionName: `tender-pubsub:${nameSpace.replace(/[^\w:.-]/g, '_')}`,
    });
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel.startsWith(nameSpace)) this.deliver(channel.slice(nameSpace.length), message);
    });
    // ioredis retries on its own; without a listener an error event would be thrown.
    this.subscriber.on('error', (err) => this.log.warn({ err }, 'pub/sub subscriber error'));
  }

  async start(): Promise<void> {
    await this.subscriber.connect();
  }

  async publish(channel: string, message: unknown): Promise<void> {
    checkChannel(channel);
    await this.redis.publish(this.nameSpace + channel, this.encode(message));
  }

  protected async listen(channel: string): Promise<void> {
    await this.subscriber.subscribe(this.nameSpace + channel);
  }

  protected async unlisten(channel: string): Promise<void> {
    await this.subscriber.unsubscribe(this.nameSpace + channel);
  }

  async close(): Promise<void> {
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }
}
