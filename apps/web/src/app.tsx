import { ChakraProvider } from '@chakra-ui/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError } from './api/errors';
import { refreshSession } from './api/client';
import { ROUTES } from './routes';
import { NotFound, RequireAudience } from './session/guard';
import { useSession } from './session/store';
import { Layout } from './shell/layout';
import { Loading } from './shell/page';
import { system } from './theme';

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a network blip or a 5xx may.
      retry: (n, err) => n < 2 && !(err instanceof ApiError && err.status < 500),
      staleTime: 10_000,
    },
  },
});

/** A reload keeps the session: the stored refresh token buys a fresh access token first. */
function useRestoredSession(): boolean {
  const [ready, setReady] = useState(() => !useSession.getState().refreshToken);
  useEffect(() => {
    if (!ready) void refreshSession().finally(() => setReady(true));
  }, [ready]);
  return ready;
}

export function App() {
  const ready = useRestoredSession();
  return (
    <ChakraProvider value={system}>
      <QueryClientProvider client={queries}>
        <BrowserRouter>
          <Layout>
            {!ready ? (
              <Loading what="your session" />
            ) : (
              <Routes>
                {ROUTES.map((r) => (
                  <Route
                    key={r.path}
                    path={r.path}
                    element={<RequireAudience audience={r.audience}>{r.page}</RequireAudience>}
                  />
                ))}
                <Route path="*" element={<NotFound />} />
              </Routes>
            )}
          </Layout>
        </BrowserRouter>
      </QueryClientProvider>
    </ChakraProvider>
  );
}
