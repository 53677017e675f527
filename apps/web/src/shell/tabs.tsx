import { Flex, Link } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { Page } from './page';

/**
 * An area's sections as pills under its page title (the Admin and Charging areas): one nav entry
 * in the shell, these tabs inside. A section whose path begins the others' (`/admin`) is current
 * only on itself; the others on themselves and below.
 */
export function SectionTabs({
  label,
  sections,
}: {
  label: string;
  sections: readonly { to: string; label: string }[];
}) {
  const { pathname } = useLocation();
  const exact = (to: string) => sections.some((s) => s.to !== to && s.to.startsWith(`${to}/`));
  const current = (to: string) =>
    exact(to) ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);
  return (
    <Flex as="nav" aria-label={label} gap={1} wrap="wrap" mt={-2}>
      {sections.map((s) => (
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
          <NavLink to={s.to} end={exact(s.to)}>
            {s.label}
          </NavLink>
        </Link>
      ))}
    </Flex>
  );
}

/** A page of such an area: its title, the area's tabs, then the content. */
export function SectionPage({
  title,
  actions,
  tabs,
  children,
}: {
  title: string;
  actions?: ReactNode;
  tabs: { label: string; sections: readonly { to: string; label: string }[] };
  children: ReactNode;
}) {
  return (
    <Page title={title} actions={actions}>
      <SectionTabs {...tabs} />
      {children}
    </Page>
  );
}
