import { Button, Field, Input, NativeSelect, SimpleGrid, Stack } from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';

interface Props<S extends string> {
  /** The form's accessible name ("Filter webhook events"). */
  label: string;
  /** A free-text field: its URL parameter, label and example. */
  text: { param: string; label: string; placeholder: string };
  /** A choice of one status: its URL parameter, label, the "any" option and the options' words. */
  choice: {
    param: string;
    label: string;
    any: string;
    options: readonly S[];
    labelOf: (s: S) => string;
  };
}

/** The filters an admin list reads from the URL (so a filtered list can be linked and reloaded). */
export function useListFilter<S extends string>(text: string, choice: string) {
  const [params] = useSearchParams();
  return { text: params.get(text) ?? '', choice: (params.get(choice) ?? '') as S | '' };
}

/**
 * One text field and one status choice over an admin list, applied to the URL on submit: the
 * webhook events' type and state, the e-mail's kind and status.
 */
export function ListFilter<S extends string>({ label, text, choice }: Props<S>) {
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState({
    [text.param]: params.get(text.param) ?? '',
    [choice.param]: params.get(choice.param) ?? '',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(Object.fromEntries(Object.entries(draft).filter(([, v]) => v)));
  };
  return (
    <Stack asChild gap={3} bg="white" p={4} borderRadius="md" borderWidth="1px">
      <form onSubmit={submit} role="search" aria-label={label}>
        <SimpleGrid columns={{ base: 1, sm: 2 }} gap={3} maxW="2xl">
          <Field.Root>
            <Field.Label>{text.label}</Field.Label>
            <Input
              value={draft[text.param]}
              placeholder={text.placeholder}
              onChange={(e) => setDraft({ ...draft, [text.param]: e.target.value.trim() })}
            />
          </Field.Root>
          <Field.Root>
            <Field.Label>{choice.label}</Field.Label>
            <NativeSelect.Root>
              <NativeSelect.Field
                value={draft[choice.param]}
                onChange={(e) => setDraft({ ...draft, [choice.param]: e.target.value })}
              >
                <option value="">{choice.any}</option>
                {choice.options.map((s) => (
                  <option key={s} value={s}>
                    {choice.labelOf(s)}
                  </option>
                ))}
              </NativeSelect.Field>
              <NativeSelect.Indicator />
            </NativeSelect.Root>
          </Field.Root>
        </SimpleGrid>
        <Button type="submit" colorPalette="teal" alignSelf="start">
          Filter
        </Button>
      </form>
    </Stack>
  );
}
