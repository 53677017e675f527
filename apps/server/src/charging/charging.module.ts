import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity';
import { LedgerModule } from '../ledger';
import { NotificationsModule } from '../notifications';
import { PaymentsModule } from '../payments';
import { SessionReceipts } from './session-receipts';
import { ChargingStats } from './charging-stats';
import { ChargingStatsController } from './stats.controller';
import { ChargerCalls } from './charger-calls';
import { DriverSessions } from './driver-sessions';
import { HoldGuard } from './hold-guard';
import { HoldIncrements } from './hold-increments';
import { SessionBooks } from './session-books';
import { SessionCaptures } from './session-captures';
import { SessionControl } from './session-control';
import { SessionLinks } from './session-links';
import { SessionPayments } from './session-payments';
import { SessionWatch } from './session-watch';
import { SessionsController } from './sessions.controller';
import { SessionsQuery } from './sessions.query';
import { StartPlanner } from './start-planner';
import { ChargePoints } from './charge-points';
import { ChargerConnections } from './charger-connections';
import { ChargerEventsController } from './charger-events.controller';
import { ChargerPresence } from './charger-presence';
import { ChargerRouter } from './charger-router';
import { ChargingEvents } from './charging-events';
import { Chargers } from './chargers';
import { ChargersController, ConnectorsController } from './chargers.controller';
import { Connectors } from './connectors';
import { DirectoryController, DirectoryRateLimit } from './directory.controller';
import { StationDirectory } from './station-directory';
import { Reservations } from './reservations';
import { ReservationsController } from './reservations.controller';
import { IdTags } from './id-tags';
import { OcppCommands } from './ocpp-commands';
import { OcppTransactions } from './ocpp-transactions';
import { OcppGateway } from './ocpp-gateway';
import { OcppLog } from './ocpp-log';
import { Stations } from './stations';
import { StationsController, TariffsController } from './stations.controller';
import { Tariffs } from './tariffs';

/**
 * EV charging (issue 12): companies' stations, chargers, connectors and tariffs; the OCPP 1.6J
 * central system on the WebSocket seam; one pricing engine (pricing.ts); drivers' sessions paid
 * by a card hold (a payable of the payments core, booked to the operator company's revenue).
 */
@Module({
  imports: [IdentityModule, PaymentsModule, LedgerModule, NotificationsModule],
  controllers: [
    StationsController,
    TariffsController,
    ChargerEventsController,
    ChargersController,
    ConnectorsController,
    SessionsController,
    DirectoryController,
    ReservationsController,
    ChargingStatsController,
  ],
  providers: [
    Tariffs,
    Stations,
    Chargers,
    Connectors,
    ChargePoints,
    OcppLog,
    OcppGateway,
    ChargingEvents,
    ChargerPresence,
    ChargerConnections,
    ChargerRouter,
    OcppCommands,
    IdTags,
    OcppTransactions,
    ChargerCalls,
    SessionLinks,
    SessionControl,
    StartPlanner,
    DriverSessions,
    SessionsQuery,
    SessionBooks,
    SessionPayments,
    SessionReceipts,
    SessionCaptures,
    HoldIncrements,
    HoldGuard,
    SessionWatch,
    StationDirectory,
    DirectoryRateLimit,
    Reservations,
    ChargingStats,
  ],
  exports: [IdTags, ChargerRouter, ChargingEvents],
})
export class ChargingModule {}
