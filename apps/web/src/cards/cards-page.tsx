import { Alert, Button, Flex, Stack, Text } from '@chakra-ui/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { CardPayment } from '../payment/card-payment';
import { setupOutcome, setupResult } from '../payment/outcomes';
import { ErrorState, Loaded, Loading, Page } from '../shell/page';
import { cardName, useCards, type Card } from './queries';

/** Saved cards: list, add one through the card setup (with 3-D Secure), remove (confirmed). */
export function CardsPage() {
  const cards = useCards();
  const queries = useQueryClient();
  const [round, setRound] = useState(0);
  const [saved, setSaved] = useState(false);
  const saveCard = async (paymentMethodId: string) =>
    setupOutcome(
      await call(() => api.POST('/api/v1/payments/methods', { body: { paymentMethodId } })),
    );
  return (
    <Page title="Saved cards">
      <SetupReturn />
      <Loaded
        query={cards}
        what="your cards"
        isEmpty={(c) => c.data.length === 0}
        empty="No saved cards yet. Add one below to pay later without typing it again."
      >
        {(c) => (
          <Stack as="ul" gap={2} listStyleType="none" aria-label="Your saved cards">
            {c.data.map((card) => (
              <CardRow key={card.id} card={card} />
            ))}
          </Stack>
        )}
      </Loaded>
      <Stack gap={3} bg="white" p={4} borderRadius="md" borderWidth="1px" maxW="md">
        <Text as="h2" fontWeight="semibold">
          Add a card
        </Text>
        <Text fontSize="sm" color="fg.muted">
          Your bank may ask you to confirm it (3-D Secure). The card number goes to the payment
          provider only.
        </Text>
        <CardPayment
          key={round}
          submitLabel="Save card"
          successText="Card saved."
          confirm={saveCard}
          onSucceeded={() => {
            setSaved(true);
            void queries.invalidateQueries({ queryKey: ['cards'] });
          }}
        />
        {saved && (
          <Button
            alignSelf="start"
            variant="outline"
            onClick={() => {
              setSaved(false);
              setRound((r) => r + 1);
            }}
          >
            Add another card
          </Button>
        )}
      </Stack>
    </Page>
  );
}

function CardRow({ card }: { card: Card }) {
  const [asking, setAsking] = useState(false);
  const queries = useQueryClient();
  const remove = useMutation({
    mutationFn: () =>
      call(() =>
        api.DELETE('/api/v1/payments/methods/{id}', { params: { path: { id: card.id } } }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['cards'] }),
  });
  const name = cardName(card);
  return (
    <Flex
      as="li"
      data-testid="card-row"
      bg="white"
      p={3}
      borderWidth="1px"
      borderRadius="md"
      justify="space-between"
      align="center"
      wrap="wrap"
      gap={3}
    >
      <Stack gap={0}>
        <Text fontWeight="semibold">{name}</Text>
        <Text fontSize="sm" color="fg.muted">
          Expires {String(card.expMonth).padStart(2, '0')}/{card.expYear}
        </Text>
      </Stack>
      {remove.isError && <ErrorState error={remove.error} />}
      {asking ? (
        <Flex gap={2} align="center" wrap="wrap" role="group" aria-label={`Remove ${name}?`}>
          <Text fontSize="sm">Remove this card?</Text>
          <Button
            size="sm"
            colorPalette="red"
            loading={remove.isPending}
            onClick={() => remove.mutate()}
          >
            Yes, remove
          </Button>
          <Button size="sm" variant="outline" onClick={() => setAsking(false)}>
            Keep it
          </Button>
        </Flex>
      ) : (
        <Button
          size="sm"
          variant="outline"
          aria-label={`Remove ${name}`}
          onClick={() => setAsking(true)}
        >
          Remove
        </Button>
      )}
    </Flex>
  );
}

/** Back from a card setup's 3-D Secure opened outside the app's frame: its outcome, read again. */
function SetupReturn() {
  const [params] = useSearchParams();
  const id = params.get('setup');
  const setup = useQuery({
    queryKey: ['setup', id],
    enabled: !!id && /^seti_\w+$/.test(id),
    queryFn: () =>
      call(() =>
        api.GET('/api/v1/payments/methods/setups/{id}', { params: { path: { id: id! } } }),
      ),
    refetchInterval: (q) => (q.state.data && !setupResult(q.state.data) ? 2000 : false),
  });
  if (!id) return null;
  if (setup.isPending) return <Loading what="your card setup" />;
  if (setup.isError) return <ErrorState error={setup.error} />;
  const result = setupResult(setup.data);
  if (!result) return <Loading what="your bank's answer" />;
  return result.kind === 'succeeded' ? (
    <Alert.Root status="success" role="status">
      <Alert.Indicator />
      <Alert.Title>Card saved.</Alert.Title>
    </Alert.Root>
  ) : (
    <Alert.Root status="error" role="alert">
      <Alert.Indicator />
      <Alert.Title>
        The card was not saved: {result.kind === 'declined' ? result.reason : ''}
      </Alert.Title>
    </Alert.Root>
  );
}
