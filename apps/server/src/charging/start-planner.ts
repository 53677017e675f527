import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { and, eq, isNull } from 'drizzle-orm';
import type { UserRow } from '../identity';
import { SavedCards } from '../payments';
import { Config } from '../platform/config/config';
import { Database } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { chargers, connectors, stations, type TariffSnapshot } from './charging.schema';
import { ChargerCalls } from './charger-calls';
import { snapshotOf } from './session-pricing';
import { Tariffs } from './tariffs';

/** Everything a start needs, checked before any money is held. */
export interface StartPlan {
  connectorId: string;
  connectorNumber: number;
  chargerId: string;
  companyId: string;
  tariff: TariffSnapshot;
  feeBps: number;
  paymentMethodId: string;
  idTag: string;
  startTimeoutSeconds: number;
}

/** Connector statuses a start may begin from: free, or with a car just plugged in. */
const STARTABLE = new Set(['AVAILABLE', 'PREPARING']);

/**
 * OCPP's IdToken is at most 20 characters: `T` and 19 of base64url (114 random bits), unguessable,
 * so nobody can start a paid transaction at a charger by typing a tag.
 */
export function oneOffIdTag(): string {
  return `T${randomBytes(15).toString('base64url').slice(0, 19)}`;
}

/**
 * Checks a driver's start before the hold: the connector exists, is free (Available, or Preparing
 * with the car plugged in) and its charger connected; the charger has a tariff; the card is the
 * driver's saved card (named, else their first). Each refusal is a 4xx, nothing held.
 */
@Injectable()
export class StartPlanner {
  constructor(
    private readonly database: Database,
    private readonly config: Config,
    private readonly tariffs: Tariffs,
    private readonly cards: SavedCards,
    private readonly chargers: ChargerCalls,
  ) {}

  get startTimeoutSeconds(): number {
    return this.config.charging.startTimeoutSeconds;
  }

  async plan(
    driver: UserRow,
    input: { connectorId: string; paymentMethodId?: string },
  ): Promise<StartPlan> {
    const db = this.database.db;
    const [row] = await db
      .select({ connector: connectors, charger: chargers, timeZone: stations.timeZone })
      .from(connectors)
      .innerJoin(chargers, eq(chargers.id, connectors.chargerId))
      .innerJoin(stations, eq(stations.id, chargers.stationId))
      .where(
        and(
          eq(connectors.id, input.connectorId),
          isNull(connectors.deletedAt),
          isNull(chargers.deletedAt),
        ),
      );
    if (!row) throw AppError.notFound('connector', input.connectorId);
    const { connector, charger, timeZone } = row;
    if (!STARTABLE.has(connector.status))
      throw new AppError(
        'conflict',
        'connector_unavailable',
        `The connector is ${connector.status}, not available`,
        { param: 'connectorId' },
      );
    if (!this.chargers.connected(charger.id))
      throw new AppError('conflict', 'charger_offline', 'The charger is not connected');
    const tariff = await this.tariffs.forCharger(db, charger.id);
    if (!tariff)
      throw new AppError('conflict', 'no_tariff', 'This charger has no tariff; it cannot bill');
    return {
      connectorId: connector.id,
      connectorNumber: connector.connectorId,
      chargerId: charger.id,
      companyId: charger.companyId,
      tariff: snapshotOf(tariff, timeZone),
      feeBps: this.config.charging.feeBps,
      paymentMethodId: await this.card(driver, input.paymentMethodId),
      idTag: oneOffIdTag(),
      startTimeoutSeconds: this.startTimeoutSeconds,
    };
  }

  private async card(driver: UserRow, named: string | undefined): Promise<string> {
    if (named) {
      await this.cards.assertOwnCard(driver.id, named);
      return named;
    }
    const [first] = await this.cards.listCards(driver.id);
    if (!first)
      throw new AppError(
        'payment_required',
        'no_saved_card',
        'Save a card first: a session starts with a hold on it',
        { param: 'paymentMethodId' },
      );
    return first.id;
  }
}
