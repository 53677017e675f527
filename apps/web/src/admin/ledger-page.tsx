import { Alert, Badge, Box, Button, List, Stack, Text } from '@chakra-ui/react';
import { formatDateTime } from '../lib/format';
import { ErrorState } from '../shell/page';
import { AdminPage } from './admin-page';
import { useLedgerCheck } from './queries';

const count = new Intl.NumberFormat();

/** Runs every invariant of the books (what `npm run ledger:verify` runs) and shows each result. */
export function LedgerPage() {
  const check = useLedgerCheck();
  const r = check.data;
  return (
    <AdminPage title="Ledger check">
      <Text color="fg.muted">
        Checks every invariant of the books on the live database in one snapshot: journal entries
        balance, balances equal their postings, histories chain, wallets stay out of debt, and the
        books hold what the provider holds. It is heavy; a few runs a minute are allowed.
      </Text>
      <Button
        colorPalette="teal"
        alignSelf="start"
        onClick={() => check.mutate()}
        loading={check.isPending}
        loadingText="Checking the books…"
      >
        Run the ledger check
      </Button>
      {check.isError && <ErrorState error={check.error} />}
      {r && (
        <Stack gap={4} aria-live="polite">
          <Alert.Root status={r.passed ? 'success' : 'error'} role="status">
            <Alert.Indicator />
            <Alert.Title data-testid="ledger-verdict">
              {r.passed
                ? `Every invariant holds (${r.invariants.length} checked).`
                : `${r.invariants.filter((i) => !i.passed).length} of ${r.invariants.length} invariants are broken.`}{' '}
              Checked {formatDateTime(r.ranAt)} in {count.format(r.durationMs)} ms.
            </Alert.Title>
          </Alert.Root>
          <List.Root variant="plain" gap={2}>
            {r.invariants.map((i) => (
              <List.Item key={i.invariant} data-testid="invariant" data-passed={i.passed}>
                <Box bg="white" p={3} borderRadius="md" borderWidth="1px" w="full">
                  <Stack direction="row" gap={3} align="start">
                    <Badge
                      colorPalette={i.passed ? 'green' : 'red'}
                      variant="subtle"
                      flexShrink={0}
                    >
                      {i.passed ? 'Passed' : 'Failed'}
                    </Badge>
                    <Stack gap={1} minW={0}>
                      <Text fontWeight="medium">{i.invariant}</Text>
                      {!i.passed && (
                        <>
                          <Text fontSize="sm">
                            {count.format(i.violationCount)} violation
                            {i.violationCount === 1 ? '' : 's'}
                            {i.violationCount > i.violations.length
                              ? `, the first ${i.violations.length} shown`
                              : ''}
                            :
                          </Text>
                          <List.Root fontSize="sm" ps={4} overflowWrap="anywhere">
                            {i.violations.map((v) => (
                              <List.Item key={v}>{v}</List.Item>
                            ))}
                          </List.Root>
                        </>
                      )}
                    </Stack>
                  </Stack>
                </Box>
              </List.Item>
            ))}
          </List.Root>
        </Stack>
      )}
    </AdminPage>
  );
}
