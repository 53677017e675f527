import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSession } from '../session/store';
import { openLiveStream, shouldPoll, type LiveState } from './live-stream';

/** A response whose body is these chunks, then the end (the server closing the stream). */
function streamOf(chunks: string[], status = 200): Response {
  const bytes = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (const chunk of chunks) c.enqueue(bytes.encode(chunk));
      c.close();
    },
  });
  return { ok: status < 300, status, body } as unknown as Response;
}

const refused = (status: number) => ({ ok: false, status, body: null }) as unknown as Response;

const until = async (check: () => boolean, ms = 8_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('not in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('openLiveStream', () => {
  const stops: (() => void)[] = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
    vi.unstubAllGlobals();
  });

  it('reads events split across chunks (CRLF, comments, several data lines), sends the token and headers, and reads the snapshot again after a reconnect', async () => {
    useSession.setState({ accessToken: 'tok_1' });
    const answers = [
      streamOf([
        ': connected\r\n\r',
        '\n',
        'event: session.upd',
        'ated\ndata: {"cost":',
        ' 12}\n\n: heartbeat\n\nevent: multi\r',
        '\ndata: [1,\r\ndata: 2]\r\n\r\n',
      ]),
      streamOf([': connected\n\n', 'event: session.updated\ndata: {"cost": 13}\n\n']),
    ];
    const fetch = vi.fn(() => Promise.resolve(answers.shift() ?? refused(503)));
    vi.stubGlobal('fetch', fetch);
    const events: [string, unknown][] = [];
    const opens: boolean[] = [];
    const states: LiveState[] = [];
    stops.push(
      openLiveStream({
        url: '/api/v1/sessions/ses_1/events',
        headers: { 'X-Session-Key': 'k1' },
        onEvent: (name, data) => events.push([name, data]),
        onOpen: (again) => opens.push(again),
        onState: (s) => states.push(s),
      }),
    );
    await until(() => opens.length === 2 && events.length === 3);
    expect(events).toEqual([
      ['session.updated', { cost: 12 }],
      ['multi', [1, 2]],
      ['session.updated', { cost: 13 }],
    ]);
    // The first open is fresh; the second follows a break: the page reads its snapshot again.
    expect(opens).toEqual([false, true]);
    expect(states.slice(0, 4)).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/sessions/ses_1/events');
    expect(init.headers).toMatchObject({
      accept: 'text/event-stream',
      authorization: 'Bearer tok_1',
      'X-Session-Key': 'k1',
    });
  });

  it('backs off on failures and says it polls after three in a row; a 404 polls at once', async () => {
    useSession.setState({ accessToken: undefined, refreshToken: undefined });
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(refused(503))),
    );
    const states: LiveState[] = [];
    stops.push(
      openLiveStream({ url: '/a', onEvent: () => undefined, onState: (s) => states.push(s) }),
    );
    await until(() => states.includes('polling'));
    expect(states).toEqual(['connecting', 'reconnecting', 'reconnecting', 'polling']);
    expect(shouldPoll('polling') && shouldPoll('reconnecting')).toBe(true);
    expect(shouldPoll('live') || shouldPoll('connecting') || shouldPoll('off')).toBe(false);

    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(refused(404))),
    );
    const after404: LiveState[] = [];
    stops.push(
      openLiveStream({ url: '/b', onEvent: () => undefined, onState: (s) => after404.push(s) }),
    );
    await until(() => after404.length === 2);
    expect(after404).toEqual(['connecting', 'polling']);
  });

  it('stops for good when told to: no attempt after the stop', async () => {
    const fetch = vi.fn(() => Promise.resolve(refused(503)));
    vi.stubGlobal('fetch', fetch);
    const stop = openLiveStream({ url: '/c', onEvent: () => undefined });
    await until(() => fetch.mock.calls.length === 1);
    stop();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
