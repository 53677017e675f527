import { Button, Text } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Page } from '../shell/page';
import { allowed, type Audience } from '../shell/nav';
import { useSession } from './store';

/** A route for an audience: signed-out users go to the login page, others see why not. */
export function RequireAudience({
  audience,
  children,
}: {
  audience: Audience;
  children: ReactNode;
}) {
  const user = useSession((s) => s.user);
  const location = useLocation();
  if (audience !== 'anyone' && !user)
    return (
      <Navigate
        to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}
        replace
      />
    );
  if (!allowed(audience, user?.role)) return <NotAllowed />;
  return <>{children}</>;
}

export function NotAllowed() {
  const navigate = useNavigate();
  const role = useSession((s) => s.user?.role);
  return (
    <Page title="Not allowed">
      <Text>
        This page is not available to your account{role ? ` (${role})` : ''}. If you think it should
        be, ask an administrator.
      </Text>
      <Button alignSelf="start" onClick={() => void navigate('/')}>
        Back to the shop
      </Button>
    </Page>
  );
}

export function NotFound() {
  const navigate = useNavigate();
  return (
    <Page title="Page not found">
      <Text>There is no page at this address.</Text>
      <Button alignSelf="start" onClick={() => void navigate('/')}>
        Back to the shop
      </Button>
    </Page>
  );
}
