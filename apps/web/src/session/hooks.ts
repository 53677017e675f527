import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { useSession } from './store';

/** Ends the session on the server (its tokens stop working at once) and here. */
export function useSignOut() {
  const navigate = useNavigate();
  const queries = useQueryClient();
  return async () => {
    const { refreshToken, signOut } = useSession.getState();
    await api
      .POST('/api/v1/auth/logout', { body: refreshToken ? { refreshToken } : {} })
      .catch(() => undefined); // offline: forget the session here anyway
    signOut();
    queries.clear();
    void navigate('/login');
  };
}
