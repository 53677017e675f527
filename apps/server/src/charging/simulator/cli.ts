import { parseArgs } from 'node:util';
import { startSimulatedCharger } from './charger';

/**
 * `npm run charger -- --id CP-1 [--url ws://127.0.0.1:3000] [--password x] [--power 11]
 * [--connectors 1] [--interval 10] [--full-after 20] [--misbehave duplicateStop,lateMeterValues,dropAndReconnect]`:
 * (`--full-after` kWh: the car is then full, SuspendedEV, and idle until stopped)
 * a simulated OCPP 1.6J charger that stays connected until Ctrl-C. Start and stop it from the
 * operator API (POST /api/v1/chargers/{id}/commands) or the driver flow.
 */
const USAGE =
  'usage: npm run charger -- --id <chargePointId> [--url ws://127.0.0.1:3000] [--password x] ' +
  '[--power 11] [--connectors 1] [--interval 10] [--full-after <kWh>] ' +
  '[--misbehave duplicateStop,lateMeterValues,dropAndReconnect]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      id: { type: 'string' },
      url: { type: 'string', default: 'ws://127.0.0.1:3000' },
      password: { type: 'string' },
      power: { type: 'string', default: '11' },
      connectors: { type: 'string', default: '1' },
      interval: { type: 'string', default: '10' },
      'full-after': { type: 'string' },
      misbehave: { type: 'string', default: '' },
      help: { type: 'boolean', default: false },
    },
  });
  const powerKw = Number(values.power);
  const connectors = Number(values.connectors);
  const intervalS = Number(values.interval);
  const fullAfterKwh =
    values['full-after'] === undefined ? undefined : Number(values['full-after']);
  if (
    values.help ||
    !values.id ||
    !(powerKw > 0) ||
    !Number.isInteger(connectors) ||
    connectors < 1 ||
    !(intervalS > 0) ||
    (fullAfterKwh !== undefined && !(fullAfterKwh > 0))
  ) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const tricks = new Set(values.misbehave.split(',').filter(Boolean));
  const known = ['duplicateStop', 'lateMeterValues', 'dropAndReconnect'];
  const unknown = [...tricks].filter((t) => !known.includes(t));
  if (unknown.length > 0) {
    console.error(`unknown --misbehave ${unknown.join(', ')}; known: ${known.join(', ')}`);
    process.exit(2);
  }
  const charger = await startSimulatedCharger({
    url: values.url,
    chargePointId: values.id,
    ...(values.password !== undefined ? { password: values.password } : {}),
    connectors,
    powerKw,
    meterIntervalMs: intervalS * 1000,
    ...(fullAfterKwh !== undefined ? { evFullAfterWh: fullAfterKwh * 1000 } : {}),
    misbehave: Object.fromEntries([...tricks].map((t) => [t, true])),
    log: (line) => console.log(`${new Date().toISOString()} ${values.id} ${line}`),
  });
  const quit = () => void charger.stop().then(() => process.exit(0));
  process.once('SIGINT', quit);
  process.once('SIGTERM', quit);
  // The heartbeat timer is unref'd: keep the process alive until a signal.
  setInterval(() => undefined, 1 << 30);
}

main().catch((err: Error & { code?: unknown }) => {
  // A refused handshake carries the HTTP status: 404 unknown charge point, 401 wrong password.
  console.error(
    `charger failed: ${err.message}${typeof err.code === 'number' ? ` (HTTP ${err.code})` : ''}`,
  );
  process.exit(1);
});
