import { create } from 'zustand';
import type { components, paths } from '../api/openapi';

type SessionResponse =
  paths['/api/v1/auth/login']['post']['responses'][200]['content']['application/json'];
export type User = SessionResponse['user'];
export type Role = User['role'];

interface SessionState {
  user: User | undefined;
  /** In memory only: a 15-minute bearer token that a reload replaces through the refresh token. */
  accessToken: string | undefined;
  refreshToken: string | undefined;
  signIn(s: SessionResponse): void;
  signOut(): void;
}

// The refresh token is the server's design (returned in the body, rotating, single-use): kept in
// sessionStorage so a reload stays signed in while a closed tab forgets it. It is never in a URL.
const KEY = 'tender.refresh';
const stored = () => {
  try {
    return sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
};

export const useSession = create<SessionState>((set) => ({
  user: undefined,
  accessToken: undefined,
  refreshToken: stored(),
  signIn: (s) => {
    sessionStorage.setItem(KEY, s.refreshToken);
    set({ user: s.user, accessToken: s.accessToken, refreshToken: s.refreshToken });
  },
  signOut: () => {
    sessionStorage.removeItem(KEY);
    set({ user: undefined, accessToken: undefined, refreshToken: undefined });
  },
}));

export type { components };
