import createClient, { type Middleware } from 'openapi-fetch';
import { useSession } from '../session/store';
import { ApiError, NetworkError } from './errors';
import type { paths } from './openapi';

/**
 * The one API client, typed by the server's OpenAPI document (openapi.d.ts, generated): a route
 * or schema the server changes breaks the web build. Same origin; the session's bearer token.
 */
export const api = createClient<paths>({ baseUrl: window.location.origin });

let refreshing: Promise<boolean> | undefined;

/**
 * Exchanges the refresh token for a new pair, once for all callers that hit a 401 together (the
 * token is single-use: two refreshes would revoke the family). False: the session is over.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const { refreshToken, signIn, signOut } = useSession.getState();
    if (!refreshToken) return false;
    try {
      const res = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
      });
      if (!res.ok) {
        signOut();
        return false;
      }
      signIn((await res.json()) as Parameters<typeof signIn>[0]);
      return true;
    } catch {
      return false; // offline: keep the session, the next request tries again
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = useSession.getState().accessToken;
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
};
api.use(auth);

/**
 * Calls the API and returns the success body, or throws ApiError / NetworkError. A 401 on a
 * signed-in session triggers one refresh and one retry; a failed refresh signs out (the router
 * then shows the login page).
 */
export async function call<T>(
  send: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let res: Awaited<ReturnType<typeof send>>;
  const attempt = async () => {
    try {
      return await send();
    } catch (err) {
      throw new NetworkError(err);
    }
  };
  res = await attempt();
  if (res.response.status === 401 && useSession.getState().refreshToken) {
    if (await refreshSession()) res = await attempt();
    else useSession.getState().signOut();
  }
  if (res.response.ok) return res.data as T;
  const retry = Number(res.response.headers.get('retry-after')) || undefined;
  const body = (res.error as { error?: ApiError['body'] } | undefined)?.error;
  throw new ApiError(res.response.status, body, retry);
}

/** One key per user attempt: reused when the same attempt is retried, new for the next one. */
export const newIdempotencyKey = () => crypto.randomUUID();
