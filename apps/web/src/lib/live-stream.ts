import { useEffect, useRef, useState } from 'react';
import { refreshSession } from '../api/client';
import { useSession } from '../session/store';

/**
 * How a page's live view stands, in the words a person sees (LiveStatus):
 * - connecting: the first attempt is on its way;
 * - live: the stream is open, changes arrive as they happen;
 * - reconnecting: it broke, the next attempt waits (backoff) — the page polls meanwhile;
 * - polling: streaming keeps failing (a proxy that buffers, an old browser): the page polls, and
 *   the stream is tried again now and then;
 * - off: nothing to follow.
 */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'polling' | 'off';

/** Whether a page should poll for itself: whenever the stream is not (yet) carrying the news. */
export const shouldPoll = (s: LiveState) => s === 'reconnecting' || s === 'polling';

export interface LiveStreamOptions {
  /** The event stream (same origin); undefined: no stream. */
  url: string | undefined;
  /** More headers (a guest's X-Session-Key); the signed-in user's bearer token is added. */
  headers?: Record<string, string>;
  /** One server-sent event: its name and its `data`, parsed JSON. */
  onEvent(name: string, data: unknown): void;
  /**
   * The stream opened. `again`: after a break — what happened meanwhile was not heard, so the
   * page reads its snapshot afresh (events are not replayed).
   */
  onOpen?(again: boolean): void;
  onState?(state: LiveState): void;
}

/** Attempts in a row that may fail before the page says it is polling instead. */
const FAILURES_BEFORE_POLLING = 3;
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
/** The server sends a comment every 15 s: this long without a byte, the stream is dead. */
const SILENCE_MS = 45_000;
/** The server answers at once (a comment): a stream not open by then is held up (a proxy). */
const CONNECT_MS = 10_000;

class StreamRefused extends Error {
  constructor(readonly status: number) {
    super(`The event stream answered ${status}`);
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/**
 * Reads `text/event-stream` from a response body: each block up to a blank line is an event
 * (`event:` its name, `data:` lines its JSON); comment lines (`:` heartbeats) only prove the
 * stream alive. Returns when the server ends the stream.
 */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (name: string, data: unknown) => void,
  alive: () => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let cr = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    alive();
    // Line ends may be CRLF or CR: a CR that ends a chunk waits for the next one's LF.
    let text = cr + decoder.decode(value, { stream: true });
    cr = text.endsWith('\r') ? '\r' : '';
    if (cr) text = text.slice(0, -1);
    buffer += text.replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length === 0) continue;
      try {
        onEvent(name, JSON.parse(data.join('\n')));
      } catch {
        // An event this page cannot read is skipped; the next snapshot puts it right.
      }
    }
  }
}

/**
 * Follows a server-sent event stream with fetch (EventSource cannot send the bearer token or a
 * session key), reconnecting with backoff whenever it ends or breaks, until `stop` is called.
 * A 401 refreshes the session once; a 4xx other than 429 will not change by retrying soon, so
 * the page polls and the stream is retried at the longest backoff.
 */
export function openLiveStream(o: LiveStreamOptions & { url: string }): () => void {
  const abort = new AbortController();
  const signal = abort.signal;
  const state = (s: LiveState) => !signal.aborted && o.onState?.(s);
  void (async () => {
    let failures = 0;
    let opened = false;
    state('connecting');
    while (!signal.aborted) {
      const attempt = new AbortController();
      const stopAttempt = () => attempt.abort();
      signal.addEventListener('abort', stopAttempt, { once: true });
      let watchdog: ReturnType<typeof setTimeout> | undefined = setTimeout(
        () => attempt.abort(),
        CONNECT_MS,
      );
      const alive = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => attempt.abort(), SILENCE_MS);
      };
      try {
        const token = useSession.getState().accessToken;
        const res = await fetch(o.url, {
          headers: {
            accept: 'text/event-stream',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...o.headers,
          },
          cache: 'no-store',
          signal: attempt.signal,
        });
        if (res.status === 401 && useSession.getState().refreshToken && (await refreshSession()))
          continue;
        if (!res.ok || !res.body) throw new StreamRefused(res.status);
        alive();
        failures = 0;
        state('live');
        o.onOpen?.(opened);
        opened = true;
        await readEvents(res.body, o.onEvent, alive);
        // Ended by the server (it restarts, or nothing more will change): the page's own state
        // says whether to follow on; until then, try again.
        if (signal.aborted) return;
        state('reconnecting');
        await sleep(BACKOFF_MS[0]!, signal);
      } catch (err) {
        if (signal.aborted) return;
        failures++;
        const refused = err instanceof StreamRefused && err.status !== 429 && err.status < 500;
        const polling = refused || failures >= FAILURES_BEFORE_POLLING;
        state(polling ? 'polling' : 'reconnecting');
        const wait = refused
          ? BACKOFF_MS.at(-1)!
          : BACKOFF_MS[Math.min(failures - 1, BACKOFF_MS.length - 1)]!;
        await sleep(wait, signal);
      } finally {
        clearTimeout(watchdog);
        signal.removeEventListener('abort', stopAttempt);
        attempt.abort();
      }
    }
  })();
  return () => abort.abort();
}

/**
 * A component's live stream: open while `url` is given, closed when it changes or the component
 * goes; the callbacks may change on every render. Returns the state to show (LiveStatus) and to
 * decide whether to poll (shouldPoll).
 */
export function useLiveStream(o: LiveStreamOptions): LiveState {
  const [state, setState] = useState<LiveState>(o.url ? 'connecting' : 'off');
  const latest = useRef(o);
  latest.current = o;
  const headers = JSON.stringify(o.headers ?? {});
  useEffect(() => {
    if (!o.url) {
      setState('off');
      return;
    }
    return openLiveStream({
      url: o.url,
      headers: JSON.parse(headers) as Record<string, string>,
      onEvent: (name, data) => latest.current.onEvent(name, data),
      onOpen: (again) => latest.current.onOpen?.(again),
      onState: (s) => {
        setState(s);
        latest.current.onState?.(s);
      },
    });
  }, [o.url, headers]);
  return o.url ? state : 'off';
}
