import { Stack, Table, Text } from '@chakra-ui/react';
import type { ReactNode } from 'react';

/**
 * A table wider than a phone: it scrolls sideways inside its frame (the page itself never does),
 * and below 768 px a line says so, since a scrollbar alone is easy to miss on a touch screen.
 */
export function WideTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={1}>
      <Text fontSize="sm" color="fg.muted" display={{ base: 'block', md: 'none' }}>
        Swipe the table sideways to see every column.
      </Text>
      {/* Focusable, so a keyboard user can scroll it too (axe: scrollable-region-focusable). */}
      <Table.ScrollArea
        borderWidth="1px"
        borderRadius="md"
        bg="white"
        tabIndex={0}
        aria-label={label}
        role="region"
      >
        <Table.Root size="sm">{children}</Table.Root>
      </Table.ScrollArea>
    </Stack>
  );
}
