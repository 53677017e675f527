import type { OutgoingHttpHeaders } from 'node:http';
import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError } from '../errors/app-error';

/** A comment line this often keeps proxies and the browser from taking a quiet stream for dead. */
export const HEARTBEAT_MS = 15_000;
/** A reader this far behind (bytes unsent) is cut off: it reconnects and reads the state afresh. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/**
 * Open streams one holder (a user, else an IP) may have on this node: a few tabs' worth. Each is
 * a socket and a listener; a loop opening them without end would exhaust the node.
 */
export const MAX_STREAMS_PER_HOLDER = 8;

/** One open `text/event-stream` response. */
export interface EventStream {
  /** One event: `event: <name>` and its data as one line of JSON. Ignored once closed. */
  send(name: string, data: unknown): void;
  /** Resolves when the stream has ended, whoever ended it (client, server, shutdown). */
  readonly closed: Promise<void>;
  close(): void;
}

/**
 * Server-sent events on a route's reply (`@Res() reply: FastifyReply`): the reply is taken over
 * from Fastify, answered 200 `text/event-stream` with the headers set so far (helmet's, CORS,
 * X-Request-Id), opened with a comment so the client's fetch resolves at once, kept alive with a
 * comment line every HEARTBEAT_MS. Checks (auth, query, ownership) belong before `open`: after it
 * the status is sent and errors can no longer be answered. Every stream is ended before the HTTP
 * server closes at shutdown, which would otherwise wait for them forever.
 */
@Injectable()
export class EventStreams implements BeforeApplicationShutdown {
  private readonly streams = new Set<EventStream>();
  /** Open streams per holder. */
  private readonly held = new Map<string, number>();
  private closing = false;

  get size(): number {
    return this.streams.size;
  }

  /**
   * `holder` names who opens it (`user:…`, `ip:…`): past MAX_STREAMS_PER_HOLDER open streams of the
   * same holder the request is refused 429 (the client closes one, or retries later).
   */
  open(reply: FastifyReply, holder?: string): EventStream {
    if (this.closing)
      throw new AppError('unavailable', 'shutting_down', 'The server is shutting down');
    if (holder !== undefined && (this.held.get(holder) ?? 0) >= MAX_STREAMS_PER_HOLDER)
      throw new AppError(
        'rate_limited',
        'too_many_streams',
        `At most ${MAX_STREAMS_PER_HOLDER} live streams at a time; close one first`,
        { retryAfterSeconds: 5 },
      );
    const res = reply.raw;
    const headers: OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) headers[k] = v;
    reply.hijack();
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      // nginx buffers proxied responses unless told not to.
      'x-accel-buffering': 'no',
    });
    let open = true;
    let done!: () => void;
    const closed = new Promise<void>((resolve) => (done = resolve));
    const write = (text: string) => {
      if (!open) return;
      res.write(text);
      if (res.writableLength > MAX_BUFFERED_BYTES) stream.close();
    };
    const heartbeat = setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const end = () => {
      if (!open) return;
      open = false;
      clearInterval(heartbeat);
      this.streams.delete(stream);
      if (holder !== undefined) {
        const left = (this.held.get(holder) ?? 1) - 1;
        if (left > 0) this.held.set(holder, left);
        else this.held.delete(holder);
      }
      done();
    };
    const stream: EventStream = {
      send: (name, data) => write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`),
      closed,
      close: () => {
        end();
        res.end();
      },
    };
    res.on('close', end);
    this.streams.add(stream);
    if (holder !== undefined) this.held.set(holder, (this.held.get(holder) ?? 0) + 1);
    write(': connected\n\n');
    return stream;
  }

  beforeApplicationShutdown(): void {
    this.closing = true;
    for (const stream of [...this.streams]) stream.close();
  }
}
