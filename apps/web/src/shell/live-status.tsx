import { Box, Flex, Text } from '@chakra-ui/react';
import type { LiveState } from '../lib/live-stream';

const WORDS: Record<Exclude<LiveState, 'off'>, { text: string; color: string }> = {
  connecting: { text: 'Connecting…', color: 'gray.400' },
  live: { text: 'Live', color: 'green.500' },
  reconnecting: { text: 'Reconnecting…', color: 'orange.400' },
  polling: { text: 'Updating every few seconds', color: 'orange.400' },
};

/** Whether what the page shows is pushed as it happens, in words (the dot only repeats them). */
export function LiveStatus({ state }: { state: LiveState }) {
  if (state === 'off') return null;
  const w = WORDS[state];
  return (
    <Flex align="center" gap={2} role="status" aria-live="polite" data-live={state}>
      <Box w="8px" h="8px" borderRadius="full" bg={w.color} aria-hidden />
      <Text fontSize="sm" color="fg.muted" data-testid="live-status">
        {w.text}
      </Text>
    </Flex>
  );
}
