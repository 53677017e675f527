import { Alert, Button, Flex } from '@chakra-ui/react';
import { useId, useState } from 'react';
import { ErrorState } from './page';

/** A delete button that asks first, in words saying what goes; the refusal shows in words too. */
export function ConfirmDelete({
  label,
  question,
  onConfirm,
  pending,
  error,
  size = 'md',
  confirmLabel = 'Yes, delete',
}: {
  label: string;
  question: string;
  onConfirm: () => void;
  pending: boolean;
  error: unknown;
  size?: 'sm' | 'md';
  /** The button that goes ahead, when "Yes, delete" would not say what goes. */
  confirmLabel?: string;
}) {
  const [confirming, setConfirming] = useState(false);
  const id = useId();
  return (
    <>
      {error != null && <ErrorState error={error} />}
      {!confirming ? (
        <Button
          alignSelf="start"
          size={size}
          colorPalette="red"
          variant="outline"
          onClick={() => setConfirming(true)}
        >
          {label}
        </Button>
      ) : (
        <Alert.Root status="warning" role="alertdialog" aria-labelledby={id}>
          <Alert.Indicator />
          <Alert.Content gap={3}>
            <Alert.Title id={id}>{question}</Alert.Title>
            <Flex gap={3} wrap="wrap">
              <Button size={size} colorPalette="red" loading={pending} onClick={onConfirm}>
                {confirmLabel}
              </Button>
              <Button size={size} variant="outline" onClick={() => setConfirming(false)}>
                Keep it
              </Button>
            </Flex>
          </Alert.Content>
        </Alert.Root>
      )}
    </>
  );
}
