import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import type { Audience } from '../../shell/nav';
import { ChargerPage } from './charger-page';
import { StationPage } from './station-page';
import { StationsPage } from './stations-page';
import { TariffPage, TariffsPage } from './tariffs-pages';
import { OpsSessionPage } from './session-detail';
import { OpsSessionsPage } from './sessions-page';
import { ReportsPage } from './reports-page';
import { OpsReservationsPage } from './reservations-page';

/** Operators manage their company's charging; admins every company's. */
const MANAGERS: Audience = ['OPERATOR', 'ADMIN'];

/** The operator's charging pages (routes.tsx spreads them in; the tabs are in area.tsx). */
export const OPERATOR_CHARGING_ROUTES: { path: string; audience: Audience; page: ReactNode }[] = [
  { path: '/charging', audience: MANAGERS, page: <Navigate to="/charging/stations" replace /> },
  { path: '/charging/stations', audience: MANAGERS, page: <StationsPage /> },
  { path: '/charging/stations/:id', audience: MANAGERS, page: <StationPage /> },
  { path: '/charging/chargers/:id', audience: MANAGERS, page: <ChargerPage /> },
  { path: '/charging/tariffs', audience: MANAGERS, page: <TariffsPage /> },
  { path: '/charging/tariffs/:id', audience: MANAGERS, page: <TariffPage /> },
  { path: '/charging/sessions', audience: MANAGERS, page: <OpsSessionsPage /> },
  { path: '/charging/sessions/:id', audience: MANAGERS, page: <OpsSessionPage /> },
  { path: '/charging/reports', audience: MANAGERS, page: <ReportsPage /> },
  { path: '/charging/reservations', audience: MANAGERS, page: <OpsReservationsPage /> },
];
