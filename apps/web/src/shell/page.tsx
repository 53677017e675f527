import { Alert, Box, Button, Flex, Heading, Link, Spinner, Stack, Text } from '@chakra-ui/react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { describeError } from '../api/errors';

/** Every page: a title, and its content. */
export function Page({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack gap={6} as="section" aria-labelledby="page-title">
      <Flex justify="space-between" align="center" wrap="wrap" gap={3}>
        {/* An id in a title (an order's ord_…) must wrap at 375 px, not widen the page. */}
        <Heading as="h1" id="page-title" size="2xl" overflowWrap="anywhere" minW={0}>
          {title}
        </Heading>
        {actions}
      </Flex>
      {children}
    </Stack>
  );
}

/** The way back from a detail page to its list. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link asChild color="teal.700">
      <RouterLink to={to}>{children}</RouterLink>
    </Link>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <Flex align="center" gap={3} role="status" aria-live="polite" py={6}>
      <Spinner size="sm" />
      <Text>Loading {what}…</Text>
    </Flex>
  );
}

export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <Alert.Root status="error" role="alert">
      <Alert.Indicator />
      <Alert.Content>
        <Alert.Title>{describeError(error)}</Alert.Title>
      </Alert.Content>
      {retry && (
        <Button size="sm" variant="outline" onClick={retry}>
          Try again
        </Button>
      )}
    </Alert.Root>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <Box borderWidth="1px" borderStyle="dashed" borderRadius="md" p={6} textAlign="center">
      <Text color="fg.muted">{children}</Text>
    </Box>
  );
}

/**
 * The three states of anything loaded: loading, error (in words, with retry), and the data —
 * `empty` is shown instead when `isEmpty` says the data holds nothing.
 */
export function Loaded<T>({
  query,
  what,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  what: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading what={what} />;
  if (query.isError) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return <Empty>{empty}</Empty>;
  return <>{children(query.data)}</>;
}
