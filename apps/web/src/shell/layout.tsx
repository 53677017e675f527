import { Box, Button, Container, Flex, Link, Stack, Text } from '@chakra-ui/react';
import { useState, type ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { useSignOut } from '../session/hooks';
import { useSession } from '../session/store';
import { allowed, NAV } from './nav';

function NavLinks({ onPick }: { onPick?: () => void }) {
  const role = useSession((s) => s.user?.role);
  return (
    <>
      {NAV.filter((e) => allowed(e.audience, role)).map((e) => (
        <Link
          key={e.to}
          asChild
          px={3}
          py={2}
          borderRadius="md"
          fontWeight="medium"
          color="fg"
          _hover={{ bg: 'bg.muted' }}
          css={{ '&[aria-current=page]': { bg: 'teal.100', color: 'teal.900' } }}
        >
          <NavLink to={e.to} end={e.to === '/'} onClick={onPick}>
            {e.label}
          </NavLink>
        </Link>
      ))}
    </>
  );
}

function Account() {
  const user = useSession((s) => s.user);
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (!user)
    return (
      <Flex gap={2}>
        <Button size="sm" variant="outline" onClick={() => void navigate('/login')}>
          Sign in
        </Button>
        <Button size="sm" colorPalette="teal" onClick={() => void navigate('/signup')}>
          Sign up
        </Button>
      </Flex>
    );
  return (
    <Flex gap={3} align="center" minW={0}>
      {/* One line: a long e-mail is cut short (in full on hover) rather than wrapping the header. */}
      <Text
        fontSize="sm"
        color="fg.muted"
        data-testid="signed-in-as"
        truncate
        maxW={{ base: 'full', lg: '16rem' }}
        title={`${user.email} · ${user.role}`}
      >
        {user.email} · {user.role}
      </Text>
      <Button size="sm" variant="outline" onClick={() => void signOut()}>
        Sign out
      </Button>
    </Flex>
  );
}

/**
 * The app shell: header with navigation, the page, a footer. The navigation is a menu below 1024 px:
 * a merchant's seven entries and the account do not fit on one row at 768 px.
 */
export function Layout({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <Flex direction="column" minH="100vh" bg="gray.50">
      <Box as="header" bg="white" borderBottomWidth="1px">
        <Container maxW="6xl" py={3}>
          <Flex align="center" justify="space-between" gap={4}>
            <Link asChild fontWeight="bold" fontSize="xl" color="teal.800">
              <NavLink to="/">Tender</NavLink>
            </Link>
            <Flex as="nav" aria-label="Main" gap={1} display={{ base: 'none', lg: 'flex' }}>
              <NavLinks />
            </Flex>
            <Box display={{ base: 'none', lg: 'block' }} minW={0}>
              <Account />
            </Box>
            <Button
              display={{ base: 'inline-flex', lg: 'none' }}
              size="sm"
              variant="outline"
              aria-expanded={open}
              aria-controls="mobile-nav"
              onClick={() => setOpen((o) => !o)}
            >
              Menu
            </Button>
          </Flex>
          {open && (
            <Stack id="mobile-nav" as="nav" aria-label="Main" pt={3} display={{ lg: 'none' }}>
              <NavLinks onPick={() => setOpen(false)} />
              <Account />
            </Stack>
          )}
        </Container>
      </Box>
      <Container as="main" maxW="6xl" py={8} flex="1">
        {children}
      </Container>
      <Box as="footer" borderTopWidth="1px" bg="white">
        <Container maxW="6xl" py={4}>
          <Text fontSize="sm" color="fg.muted">
            Tender — self-hosted payments. API reference at <Link href="/docs">/docs</Link>.
          </Text>
        </Container>
      </Box>
    </Flex>
  );
}
