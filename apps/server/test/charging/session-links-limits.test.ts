// The seed-000 routes are public (guests have no account): one per-IP window for all of them, so
// an id or key cannot be guessed at speed, counted before the key is even looked at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestApp, client, type TestApp } from '../helpers';

describe('seed 000: the public session routes are rate-limited per IP', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootTestApp({ RETURN_RATE_LIMIT_PER_MINUTE: '4' });
  });
  afterAll(() => app?.close());

  it('the fifth call in a minute is a 429, whichever route and whatever key', async () => {
    const api = client(app.url);
    const guess = (n: number) =>
      api.call('GET', `/api/v1/session/ses_01HZZZZZZZZZZZZZZZZZZZZZZ${n}`, {
        headers: { 'x-session-key': `guess-${n}` },
      });
    for (let n = 0; n < 3; n++) expect((await guess(n)).status).toBe(404);
    const link = await api.call('GET', '/api/v1/payment/link/ses_01HZZZZZZZZZZZZZZZZZZZZZZZ', {
      headers: { 'x-session-key': 'guess' },
    });
    expect(link.status).toBe(404);
    const limited = await guess(9);
    expect(limited.status).toBe(429);
    expect(limited.body.error.type).toBeDefined();
    expect(limited.headers.get('ratelimit-limit')).toBe('4');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    const start = await api.post('/api/v1/session/start', {
      connectorId: 'cnr_x',
      payment: { type: 'link', method: 'card' },
    });
    expect(start.status).toBe(429);
    // Another public window is not this one.
    expect((await api.get('/api/v1/charging/stations')).status).toBe(200);
  });
});
