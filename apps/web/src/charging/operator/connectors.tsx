import { Box, Button, Field, Flex, Input, NativeSelect, Stack, Text } from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { formatDateTime } from '../../lib/format';
import { Empty, ErrorState, Loaded } from '../../shell/page';
import { ConfirmDelete } from '../../shell/confirm-delete';
import {
  connectorTypeLabel,
  CONNECTOR_TYPE_LABEL,
  CONNECTOR_TYPES,
  errorLabel,
  powerLabel,
  StatusBadge,
} from './labels';
import { useChargerLive } from './live';
import { formatDecimal, parseDecimal } from './prices';
import {
  useChargingChange,
  useConnectors,
  type Charger,
  type Connector,
  type ConnectorType,
} from './queries';
import { ConnectorQr } from './qr';

/** kW as typed ("22", "7,4") → whole watts, 1 W to 1 MW. */
function watts(text: string): number | undefined {
  const w = parseDecimal(text, 3);
  return w !== undefined && w >= 1n && w <= 1_000_000n ? Number(w) : undefined;
}
const kwText = (w: number | null) => (w === null ? '' : formatDecimal(w, 3));

interface Spec {
  type: ConnectorType | '';
  power: string;
}

function SpecFields({ value, onChange }: { value: Spec; onChange: (s: Spec) => void }) {
  const badPower = value.power !== '' && watts(value.power) === undefined;
  return (
    <Flex gap={3} wrap="wrap">
      <Field.Root required w={{ base: 'full', sm: '14rem' }}>
        <Field.Label>Type</Field.Label>
        <NativeSelect.Root>
          <NativeSelect.Field
            value={value.type}
            onChange={(e) => onChange({ ...value, type: e.target.value as ConnectorType })}
          >
            <option value="">Choose the plug</option>
            {CONNECTOR_TYPES.map((t) => (
              <option key={t} value={t}>
                {CONNECTOR_TYPE_LABEL[t]}
              </option>
            ))}
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
      </Field.Root>
      <Field.Root required invalid={badPower} w={{ base: 'full', sm: '10rem' }}>
        <Field.Label>Max power (kW)</Field.Label>
        <Input
          inputMode="decimal"
          placeholder="22"
          value={value.power}
          onChange={(e) => onChange({ ...value, power: e.target.value })}
        />
        {badPower && <Field.ErrorText>From 0.001 to 1000 kW.</Field.ErrorText>}
      </Field.Root>
    </Flex>
  );
}

function EditConnector({ connector, done }: { connector: Connector; done: () => void }) {
  const [spec, setSpec] = useState<Spec>({
    type: (connector.type ?? '') as ConnectorType | '',
    power: kwText(connector.maxPowerW),
  });
  const maxPowerW = watts(spec.power);
  const save = useChargingChange(() =>
    call(() =>
      api.PATCH('/api/v1/connectors/{id}', {
        params: { path: { id: connector.id } },
        body: { type: spec.type as ConnectorType, maxPowerW: maxPowerW! },
      }),
    ),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (spec.type && maxPowerW) save.mutate(undefined, { onSuccess: done });
  };
  return (
    <Stack asChild gap={3}>
      <form onSubmit={submit} noValidate aria-label={`Edit connector ${connector.connectorId}`}>
        {save.isError && <ErrorState error={save.error} />}
        <SpecFields value={spec} onChange={setSpec} />
        <Flex gap={2}>
          <Button
            type="submit"
            size="sm"
            colorPalette="teal"
            loading={save.isPending}
            disabled={!spec.type || !maxPowerW}
          >
            Save connector
          </Button>
          <Button size="sm" variant="outline" onClick={done}>
            Cancel
          </Button>
        </Flex>
      </form>
    </Stack>
  );
}

function ConnectorItem({ charger, connector }: { charger: Charger; connector: Connector }) {
  const [editing, setEditing] = useState(false);
  const remove = useChargingChange(() =>
    call(() => api.DELETE('/api/v1/connectors/{id}', { params: { path: { id: connector.id } } })),
  );
  const fault = connector.errorCode !== 'NO_ERROR';
  return (
    <Stack
      as="li"
      gap={2}
      p={3}
      borderWidth="1px"
      borderRadius="md"
      data-testid="connector"
      data-connector={connector.connectorId}
    >
      <Flex gap={2} align="center" wrap="wrap">
        <Text fontWeight="semibold">Connector {connector.connectorId}</Text>
        <StatusBadge status={connector.status} />
        <Text color="fg.muted" fontSize="sm">
          {connectorTypeLabel(connector.type)} · {powerLabel(connector.maxPowerW)}
        </Text>
      </Flex>
      <Text fontSize="sm" color={fault ? 'red.700' : 'fg.muted'} data-testid="connector-error">
        {errorLabel(connector.errorCode)}
        {connector.vendorErrorCode ? ` (vendor code ${connector.vendorErrorCode})` : ''}
        {connector.info ? ` — ${connector.info}` : ''}
        {connector.statusAt ? ` · since ${formatDateTime(connector.statusAt)}` : ''}
      </Text>
      {editing ? (
        <EditConnector connector={connector} done={() => setEditing(false)} />
      ) : (
        <Flex gap={2} wrap="wrap" align="start">
          <Button size="sm" variant="outline" onClick={() => setEditing(true)}>
            {connector.type ? 'Edit' : 'Describe'}
          </Button>
          <ConfirmDelete
            size="sm"
            label="Remove"
            question={`Remove connector ${connector.connectorId}? If the charger reports it again it comes back, undescribed.`}
            onConfirm={() => remove.mutate(undefined)}
            pending={remove.isPending}
            error={remove.error}
          />
        </Flex>
      )}
      <ConnectorQr charger={charger} connector={connector} />
    </Stack>
  );
}

function AddConnector({ charger, taken }: { charger: Charger; taken: number[] }) {
  const [number, setNumber] = useState('');
  const [spec, setSpec] = useState<Spec>({ type: '', power: '' });
  const suggested = Math.max(0, ...taken) + 1;
  const n = number.trim() === '' ? suggested : Number(number);
  const validNumber = Number.isInteger(n) && n >= 1 && n <= 99 && !taken.includes(n);
  const maxPowerW = watts(spec.power);
  const add = useChargingChange(() =>
    call(() =>
      api.POST('/api/v1/chargers/{id}/connectors', {
        params: { path: { id: charger.id } },
        body: { connectorId: n, type: spec.type as ConnectorType, maxPowerW: maxPowerW! },
      }),
    ),
  );
  const ready = validNumber && spec.type && maxPowerW;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready)
      add.mutate(undefined, {
        onSuccess: () => {
          setNumber('');
          setSpec({ type: '', power: '' });
        },
      });
  };
  return (
    <Box asChild borderTopWidth="1px" pt={3}>
      <form onSubmit={submit} noValidate aria-label={`Add a connector to ${charger.ocppId}`}>
        <Stack gap={3}>
          <Text fontWeight="semibold">Add a connector</Text>
          {add.isError && <ErrorState error={add.error} />}
          <Field.Root invalid={number !== '' && !validNumber} maxW="12rem">
            <Field.Label>Connector number</Field.Label>
            <Input
              inputMode="numeric"
              placeholder={String(suggested)}
              value={number}
              onChange={(e) => setNumber(e.target.value)}
            />
            <Field.HelperText>As the charger numbers it (1 to 99).</Field.HelperText>
            {number !== '' && !validNumber && (
              <Field.ErrorText>A number from 1 to 99 no other connector has.</Field.ErrorText>
            )}
          </Field.Root>
          <SpecFields value={spec} onChange={setSpec} />
          <Button
            type="submit"
            size="sm"
            alignSelf="start"
            loading={add.isPending}
            disabled={!ready}
          >
            Add connector
          </Button>
        </Stack>
      </form>
    </Box>
  );
}

/**
 * A charger's connectors, live: status and error in words, type and power, edit and remove, and the
 * QR code of each; then the form to add one. A connector the charger reports first appears by itself.
 */
export function ConnectorList({ charger }: { charger: Charger }) {
  const q = useConnectors(charger.id, useChargerLive() || undefined);
  return (
    <Loaded query={q} what="the connectors">
      {(page) => (
        <Stack gap={3}>
          {page.data.length === 0 ? (
            <Empty>
              No connectors yet. Describe them below, or they appear when the charger reports them.
            </Empty>
          ) : (
            <Stack as="ul" listStyleType="none" gap={2}>
              {[...page.data]
                .sort((a, b) => a.connectorId - b.connectorId)
                .map((c) => (
                  <ConnectorItem key={c.id} charger={charger} connector={c} />
                ))}
            </Stack>
          )}
          <AddConnector charger={charger} taken={page.data.map((c) => c.connectorId)} />
        </Stack>
      )}
    </Loaded>
  );
}
