import { Button, Flex } from '@chakra-ui/react';

/** The next page of a list (a TanStack infinite query), once there is one. */
export function ShowMore({
  query,
  label = 'Show more',
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  label?: string;
}) {
  if (!query.hasNextPage) return null;
  return (
    <Flex justify="center">
      <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
        {label}
      </Button>
    </Flex>
  );
}
