import { Flex, Link } from '@chakra-ui/react';
import { NavLink, useLocation } from 'react-router';

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
