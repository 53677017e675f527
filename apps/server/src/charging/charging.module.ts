import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity';
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
 * central system on the WebSocket seam; one pricing engine (pricing.ts).
 */
@Module({
  imports: [IdentityModule],
  controllers: [
    StationsController,
    TariffsController,
    ChargerEventsController,
    ChargersController,
    ConnectorsController,
    DirectoryController,
    ReservationsController,
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
    StationDirectory,
    DirectoryRateLimit,
    Reservations,
  ],
  exports: [IdTags, ChargerRouter, ChargingEvents],
})
export class ChargingModule {}
