/**
 * A guest's proof of a session: the access key /session/start returns once. It travels in the
 * page's URL *fragment* (`/charge/guest/{id}#key=…`), which browsers never send to a server, and is
 * kept in sessionStorage under the session's id so the page finds it again after a hosted checkout
 * sends the payer back without it (the provider never sees the key). It is sent only as the
 * X-Session-Key header.
 */
const storageKey = (sessionId: string) => `tender.session-key.${sessionId}`;

/** 32 random bytes, base64url: 43 characters. Anything else in a fragment is not a key of ours. */
const KEY_SHAPE = /^[A-Za-z0-9_-]{32,128}$/;

export function keyFromFragment(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const key = params.get('key')?.trim();
  return key && KEY_SHAPE.test(key) ? key : undefined;
}

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // storage disabled: the fragment alone then carries the key
  }
}

export function rememberSessionKey(sessionId: string, key: string): void {
  try {
    storage()?.setItem(storageKey(sessionId), key);
  } catch {
    /* full or disabled: the link still works */
  }
}

export function forgetSessionKey(sessionId: string): void {
  storage()?.removeItem(storageKey(sessionId));
}

/**
 * The key for `sessionId`: the fragment's (then remembered, so a return without it still opens the
 * page), else the one remembered in this tab; undefined when neither holds one.
 */
export function sessionKeyFor(sessionId: string, hash: string): string | undefined {
  const fromLink = keyFromFragment(hash);
  if (fromLink) {
    rememberSessionKey(sessionId, fromLink);
    return fromLink;
  }
  const kept = storage()?.getItem(storageKey(sessionId)) ?? undefined;
  return kept && KEY_SHAPE.test(kept) ? kept : undefined;
}

/** The link a guest keeps to come back: this origin, the session's page, the key in the fragment. */
export const guestSessionUrl = (sessionId: string, key: string, origin = window.location.origin) =>
  `${origin}/charge/guest/${encodeURIComponent(sessionId)}#key=${encodeURIComponent(key)}`;
