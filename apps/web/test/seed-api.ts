import { randomBytes } from 'node:crypto';
import type { App } from './kit';

/**
 * Test setup through the API (not the browser): what a journey needs to exist before it starts —
 * an account, money in its wallet. The journeys themselves click.
 */
export interface Account {
  id: string;
  email: string;
  password: string;
  accessToken: string;
}

async function send<T>(
  app: App,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
  key?: string,
): Promise<T> {
  const res = await fetch(app.url + path, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function signUp(app: App, firstName: string): Promise<Account> {
  const email = `${firstName.toLowerCase()}-${randomBytes(4).toString('hex')}@example.test`;
  const password = 'correct horse battery';
  const s = await send<{ user: { id: string }; accessToken: string }>(
    app,
    'POST',
    '/api/v1/auth/register',
    {
      email,
      password,
      firstName,
    },
  );
  return { id: s.user.id, email, password, accessToken: s.accessToken };
}

/** Money into the account's USD wallet by the sandbox's test card, credited at once. */
export async function fund(app: App, account: Account, amount: number): Promise<{ id: string }> {
  return send(
    app,
    'POST',
    '/api/v1/wallet/deposit',
    { amount, paymentMethodId: 'pm_card_visa' },
    account.accessToken,
    randomBytes(8).toString('hex'),
  );
}

export const getJson = <T>(app: App, path: string, token: string) =>
  send<T>(app, 'GET', path, undefined, token);

export async function signIn(app: App, email: string, password: string): Promise<string> {
  return (
    await send<{ accessToken: string }>(app, 'POST', '/api/v1/auth/login', { email, password })
  ).accessToken;
}

export const postJson = <T>(app: App, path: string, body: unknown, token: string) =>
  send<T>(app, 'POST', path, body, token, randomBytes(8).toString('hex'));

/** A saved card of the account (a sandbox test card token: `pm_card_visa`, …). */
export async function saveCard(app: App, account: Account, paymentMethodId = 'pm_card_visa') {
  return send<{ status: string }>(
    app,
    'POST',
    '/api/v1/payments/methods',
    { paymentMethodId },
    account.accessToken,
  );
}
