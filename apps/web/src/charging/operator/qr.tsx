import { Box, Button, Flex, Image, Link, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { ErrorState, Loading } from '../../shell/page';
import { formatMoney } from '../../lib/format';
import { formatUnitPrice } from './prices';
import { useConnectorQr, useDriverView, type Charger, type Connector } from './queries';

/** The QR code drivers scan, once asked for: a preview and the SVG and PNG files to print. */
export function ConnectorQr({ charger, connector }: { charger: Charger; connector: Connector }) {
  const [open, setOpen] = useState(false);
  const name = `${charger.ocppId}-connector-${connector.connectorId}`;
  return (
    <Stack gap={2}>
      <Button
        size="sm"
        variant="outline"
        alignSelf="start"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? 'Hide QR code' : 'QR code'}
      </Button>
      {open && (
        <>
          <QrFiles connector={connector} name={name} />
          <DriverPrice connectorId={connector.id} />
        </>
      )}
    </Stack>
  );
}

function QrFiles({ connector, name }: { connector: Connector; name: string }) {
  const svg = useConnectorQr(connector.id, 'svg');
  const png = useConnectorQr(connector.id, 'png');
  if (svg.isPending) return <Loading what="the QR code" />;
  if (svg.isError) return <ErrorState error={svg.error} retry={() => void svg.refetch()} />;
  return (
    <Flex gap={4} wrap="wrap" align="center" data-testid="connector-qr">
      <Box bg="white" borderWidth="1px" borderRadius="md" p={2}>
        <Image
          src={svg.data}
          alt={`QR code of connector ${connector.connectorId}: it opens the driver's charging page`}
          boxSize="36"
        />
      </Box>
      <Stack gap={1}>
        <Text fontSize="sm" color="fg.muted">
          Print it on the charger by this connector.
        </Text>
        <Link href={svg.data} download={`${name}.svg`} color="teal.700">
          Download SVG
        </Link>
        {png.data ? (
          <Link href={png.data} download={`${name}.png`} color="teal.700">
            Download PNG
          </Link>
        ) : (
          <Text fontSize="sm" color={png.isError ? 'red.700' : 'fg.muted'}>
            {png.isError ? 'The PNG could not be made.' : 'Preparing the PNG…'}
          </Text>
        )}
      </Stack>
    </Flex>
  );
}

/** What a driver scanning the code is told it costs (the server's figures, tax included). */
function DriverPrice({ connectorId }: { connectorId: string }) {
  const q = useDriverView(connectorId);
  if (q.isPending) return <Loading what="the price drivers see" />;
  if (q.isError) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const p = q.data.price;
  if (!p)
    return (
      <Text fontSize="sm" color="red.700" data-testid="driver-price">
        Drivers see no price: neither the charger nor its station has a tariff, so they cannot start
        here.
      </Text>
    );
  const parts = [`${formatUnitPrice(p.energyPricePerKwh, p.currency)} per kWh`];
  if (p.timePricePerMinute > 0)
    parts.push(`${formatUnitPrice(p.timePricePerMinute, p.currency)} per minute`);
  if (p.idlePricePerMinute > 0)
    parts.push(
      `${formatUnitPrice(p.idlePricePerMinute, p.currency)} per idle minute after ${p.idleGraceMinutes} min`,
    );
  if (p.sessionFee > 0) parts.push(`${formatMoney(p.sessionFee, p.currency)} per session`);
  const periods = p.periods.length
    ? `, or the prices of ${p.periods.length} time-of-day period(s)`
    : '';
  return (
    <Text fontSize="sm" data-testid="driver-price">
      Drivers scanning it see, tax included: {parts.join(', ')}
      {periods}; {formatMoney(p.holdAmount, p.currency)} held on their card at the start.
    </Text>
  );
}
