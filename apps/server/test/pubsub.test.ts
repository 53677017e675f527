import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../src/platform/logging/logger';
import { PgPubSub, PUBSUB_APPLICATION_NAME } from '../src/platform/pubsub/pg-pubsub';
import { PubSub } from '../src/platform/pubsub/pubsub';
import { RedisPubSub } from '../src/platform/pubsub/redis-pubsub';
import { createTestDatabase } from './helpers';
import { moduleHarness } from './module/harness';

const log = createLogger('silent');
const REDIS_URL = process.env.REDIS_URL;

/** Two nodes' pub/subs on one engine, and how to cut their listening connections. */
interface Engine {
  a: PubSub;
  b: PubSub;
  /** Drops every listening connection of both, as a network failure or a restart would. */
  cut(): Promise<void>;
  close(): Promise<void>;
}

/** Every message a subscription got. */
async function collect(pubsub: PubSub, channel: string) {
  const got: unknown[] = [];
  const unsubscribe = await pubsub.subscribe(channel, (m) => got.push(m));
  return { got, unsubscribe };
}

const settle = () => new Promise((r) => setTimeout(r, 300));

function contract(name: string, make: () => Promise<Engine>) {
  describe(`pub/sub on ${name}`, () => {
    let e: Engine;
    beforeAll(async () => {
      e = await make();
    });
    afterAll(() => e?.close());

    it('delivers a message to every subscriber on every node, the publisher included', async () => {
      const onA = await collect(e.a, 'test.fanout');
      const onB = await collect(e.b, 'test.fanout');
      const alsoB = await collect(e.b, 'test.fanout');
      const other = await collect(e.b, 'test.other');
      await e.a.publish('test.fanout', { n: 1, text: 'grüße', nested: [true, null] });
      await vi.waitFor(() => {
        for (const s of [onA, onB, alsoB])
          expect(s.got).toEqual([{ n: 1, text: 'grüße', nested: [true, null] }]);
      });
      await settle();
      expect(other.got).toEqual([]);
      await Promise.all([onA, onB, alsoB, other].map((s) => s.unsubscribe()));
    });

    it('carries a message far over NOTIFY’s 8000 bytes whole', async () => {
      const s = await collect(e.b, 'test.big');
      const big = { blob: 'é✓'.repeat(20_000), tail: 'end' };
      await e.a.publish('test.big', big);
      await vi.waitFor(() => expect(s.got).toEqual([big]));
      await s.unsubscribe();
    });

    it('stops delivering to a handler after its unsubscribe, and only to it', async () => {
      const gone = await collect(e.b, 'test.unsub');
      const stays = await collect(e.b, 'test.unsub');
      await e.a.publish('test.unsub', 1);
      await vi.waitFor(() => expect(gone.got).toEqual([1]));
      await gone.unsubscribe();
      await gone.unsubscribe(); // twice is harmless
      await e.a.publish('test.unsub', 2);
      await vi.waitFor(() => expect(stays.got).toEqual([1, 2]));
      await settle();
      expect(gone.got).toEqual([1]);
      await stays.unsubscribe();
      // No handler left: the channel is no longer listened to; a new subscription starts afresh.
      await e.a.publish('test.unsub', 3);
      const again = await collect(e.b, 'test.unsub');
      await e.a.publish('test.unsub', 4);
      await vi.waitFor(() => expect(again.got).toEqual([4]));
      await again.unsubscribe();
    });

    it('a handler that throws does not keep the message from the others', async () => {
      await e.b.subscribe('test.throws', () => {
        throw new Error('boom');
      });
      const s = await collect(e.b, 'test.throws');
      await e.a.publish('test.throws', 'x');
      await vi.waitFor(() => expect(s.got).toEqual(['x']));
    });

    it('listens again after its connection dropped', async () => {
      const s = await collect(e.b, 'test.reconnect');
      await e.a.publish('test.reconnect', 'before');
      await vi.waitFor(() => expect(s.got).toEqual(['before']));
      await e.cut();
      // Messages published while it was down are lost (at most once); once back, they arrive.
      let n = 0;
      await vi.waitFor(
        async () => {
          await e.a.publish('test.reconnect', `after-${++n}`);
          await settle();
          expect(s.got.some((m) => String(m).startsWith('after-'))).toBe(true);
        },
        { timeout: 15_000, interval: 200 },
      );
      await s.unsubscribe();
    });

    it('refuses a channel name the engines cannot carry', async () => {
      await expect(e.a.subscribe('has space', () => undefined)).rejects.toThrow(/channel/);
      await expect(e.a.publish('x'.repeat(64), 1)).rejects.toThrow(/channel/);
    });
  });
}

contract('PostgreSQL LISTEN/NOTIFY', async () => {
  const db = await createTestDatabase();
  const pool = new Pool({ connectionString: db.url, max: 2 });
  const a = new PgPubSub(db.url, pool, log, 100);
  const b = new PgPubSub(db.url, pool, log, 100);
  await Promise.all([a.start(), b.start()]);
  return {
    a,
    b,
    cut: async () => {
      const { rows } = await pool.query(
        `SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = $1`,
        [PUBSUB_APPLICATION_NAME],
      );
      expect(rows).toHaveLength(2);
    },
    close: async () => {
      await Promise.all([a.close(), b.close()]);
      await pool.end();
      await db.drop();
    },
  };
});

describe.runIf(Boolean(REDIS_URL))('with Redis (REDIS_URL)', () => {
  contract('Redis pub/sub', async () => {
    const nameSpace = `tender:test-${randomBytes(4).toString('hex')}:`;
    const ra = new Redis(REDIS_URL!);
    const rb = new Redis(REDIS_URL!);
    const admin = new Redis(REDIS_URL!);
    const a = new RedisPubSub(ra, nameSpace, log);
    const b = new RedisPubSub(rb, nameSpace, log);
    await Promise.all([a.start(), b.start()]);
    return {
      a,
      b,
      cut: async () => {
        // Only this test's subscribers (named after its namespace), not other runs' on the server.
        const list = (await admin.call('CLIENT', 'LIST')) as string;
        const ids = list
          .split('\n')
          .filter((l) => l.includes(`name=tender-pubsub:${nameSpace} `))
          .map((l) => /\bid=(\d+)/.exec(l)![1]!);
        expect(ids).toHaveLength(2);
        for (const id of ids) await admin.call('CLIENT', 'KILL', 'ID', id);
      },
      close: async () => {
        await Promise.all([a.close(), b.close()]);
        await Promise.all([ra.quit(), rb.quit(), admin.quit()]);
      },
    };
  });

  it('namespaces channels: another deployment on the same Redis does not hear this one', async () => {
    const r = new Redis(REDIS_URL!);
    const mine = new RedisPubSub(r, `tender:ns-${randomBytes(4).toString('hex')}:`, log);
    const theirs = new RedisPubSub(r, `tender:ns-${randomBytes(4).toString('hex')}:`, log);
    await Promise.all([mine.start(), theirs.start()]);
    const heard = await collect(theirs, 'test.ns');
    const own = await collect(mine, 'test.ns');
    await mine.publish('test.ns', 1);
    await vi.waitFor(() => expect(own.got).toEqual([1]));
    await settle();
    expect(heard.got).toEqual([]);
    await Promise.all([mine.close(), theirs.close()]);
    await r.quit();
  });
});

describe('the runtime’s engine', () => {
  it('is LISTEN/NOTIFY without REDIS_URL, injected by type, and delivers through the platform', async () => {
    const h = await moduleHarness([]);
    try {
      const pubsub = h.get(PubSub);
      expect(pubsub).toBeInstanceOf(PgPubSub);
      const s = await collect(pubsub, 'test.runtime');
      await pubsub.publish('test.runtime', { ok: true });
      await vi.waitFor(() => expect(s.got).toEqual([{ ok: true }]));
      const listeners = await h.sql(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
        [PUBSUB_APPLICATION_NAME],
      );
      expect(listeners).toHaveLength(1);
    } finally {
      await h.close();
    }
  });

  it.runIf(Boolean(REDIS_URL))('is Redis pub/sub with REDIS_URL', async () => {
    const h = await moduleHarness([], { env: { REDIS_URL: REDIS_URL! } });
    try {
      const pubsub = h.get(PubSub);
      expect(pubsub).toBeInstanceOf(RedisPubSub);
      const s = await collect(pubsub, 'test.runtime');
      await pubsub.publish('test.runtime', 7);
      await vi.waitFor(() => expect(s.got).toEqual([7]));
    } finally {
      await h.close();
    }
  });
});
