import { Flex, Link } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { Page } from '../shell/page';

/** The admin's operations pages, one nav entry ("Admin") in the shell and these tabs inside. */
export const ADMIN_SECTIONS = [
  { to: '/admin', label: 'Dashboard' },
  { to: '/admin/payments', label: 'Payments' },
  { to: '/admin/webhooks', label: 'Webhook events' },
  { to: '/admin/dead-letters', label: 'Dead letters' },
  { to: '/admin/notifications', label: 'E-mail' },
  { to: '/admin/ledger', label: 'Ledger check' },
  // The directory (src/directory/): people and companies, with each user's wallets.
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/companies', label: 'Companies' },
] as const;

export function AdminPage({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { pathname } = useLocation();
  const current = (to: string) => (to === '/admin' ? pathname === to : pathname.startsWith(to));
  return (
    <Page title={title} actions={actions}>
      <Flex as="nav" aria-label="Admin sections" gap={1} wrap="wrap" mt={-2}>
        {ADMIN_SECTIONS.map((s) => (
          <Link
            key={s.to}
            asChild
            px={3}
            py={1}
            borderRadius="full"
            fontSize="sm"
            borderWidth="1px"
            {...(current(s.to)
              ? { bg: 'teal.700', color: 'white', borderColor: 'teal.700' }
              : { color: 'fg', _hover: { bg: 'bg.muted' } })}
          >
            <NavLink to={s.to} end={s.to === '/admin'}>
              {s.label}
            </NavLink>
          </Link>
        ))}
      </Flex>
      {children}
    </Page>
  );
}
