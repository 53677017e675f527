// charging's public face: what other modules (and the composition root) may import from charging.
// Everything else in this folder is internal; `npm run lint` fails on a deep import from outside.
export { ChargingModule } from './charging.module';
export { CHARGING_INVARIANTS } from './charging.invariants';
export { priceSession, type SessionPrice, type Tariff, type Usage } from './pricing';
export type { ChargerRow, ConnectorRow, StationRow, TariffRow } from './charging.schema';
export { connectDemoCharger, DEMO_CHARGE_POINTS, seedDemoStation } from './demo-station';
export type { SimulatedCharger } from './simulator/charger';
