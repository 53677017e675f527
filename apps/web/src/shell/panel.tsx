import { Heading, Stack } from '@chakra-ui/react';
import type { ReactNode } from 'react';

/** A titled white box on a page: one form or one group of facts. */
export function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={3} bg="white" p={4} borderRadius="md" borderWidth="1px">
      <Heading as="h2" size="md">
        {title}
      </Heading>
      {children}
    </Stack>
  );
}
