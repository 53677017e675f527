import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity';
import { LedgerModule } from '../ledger';
import { NotificationsModule } from '../notifications';
import { OnchainModule } from '../onchain';
import { PaymentsModule } from '../payments';
import { AdhocSessions } from './adhoc-sessions';
import { PayerSessionsController, PaymentLinksController } from './payer.controller';
import { PayerSessions } from './payer-sessions';
import { PaymentLinks } from './payment-links';
import { PayerAuthGuard, PayerRateLimit, SessionAccess } from './session-access';
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
import { SessionStreamAccess } from './session-stream-access';
import { SessionEventsController, SessionEventsRateLimit } from './session-events.controller';
import { SessionNews } from './session-news';
import { OptionalUserGuard } from './optional-user.guard';
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
import { NodeLiveness } from './node-liveness';
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
 * by a card hold (a payable of the payments core, booked to the operator company's revenue), or
 * — seed 000, guests too — by a checkout link after the stop (card or USDC).
 */
@Module({
  imports: [IdentityModule, PaymentsModule, LedgerModule, NotificationsModule, OnchainModule],
  controllers: [
    StationsController,
    TariffsController,
    ChargerEventsController,
    ChargersController,
    ConnectorsController,
    SessionEventsController,
    SessionsController,
    DirectoryController,
    ReservationsController,
    ChargingStatsController,
    PayerSessionsController,
    PaymentLinksController,
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
    NodeLiveness,
    OcppCommands,
    IdTags,
    OcppTransactions,
    ChargerCalls,
    SessionLinks,
    SessionNews,
    SessionStreamAccess,
    SessionEventsRateLimit,
    OptionalUserGuard,
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
    SessionAccess,
    PayerRateLimit,
    PayerAuthGuard,
    PaymentLinks,
    AdhocSessions,
    PayerSessions,
  ],
  exports: [IdTags, ChargerRouter, ChargingEvents],
})
export class ChargingModule {}
