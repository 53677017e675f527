import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { and, eq, isNull } from 'drizzle-orm';
import type { UserRow } from '../identity';
import { SavedCards } from '../payments';
import { Config } from '../platform/config/config';
import { Database } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { chargers, connectors, stations, type TariffSnapshot } from './charging.schema';
import { snapshotOf } from './session-pricing';
import { Reservations } from './reservations';
import { tariffForCharger } from './tariffs';

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
 * with the car plugged in, or reserved for this driver) and its charger connected; the charger has a tariff; the card is the
 * driver's saved card (named, else their first). Each refusal is a 4xx, nothing held.
 */
@Injectable()
export class StartPlanner {
  constructor(
    private readonly database: Database,
    private readonly config: Config,
    private readonly reservations: Reservations,
    private readonly cards: SavedCards,
  ) {}

  get startTimeoutSeconds(): number {
    return this.config.charging.startTimeoutSeconds;
  }

  async plan(
    driver: UserRow,
    input: { connectorId: string; paymentMethodId?: string },
  ): Promise<StartPlan> {
    const site = await this.site(driver, input.connectorId);
    return { ...site, paymentMethodId: await this.card(driver, input.paymentMethodId) };
  }

  /**
   * The checks of a start that do not depend on how it is paid: a guest (no driver) never holds
   * a reservation, so a reserved connector is taken for them.
   */
  async site(
    driver: UserRow | undefined,
    connectorId: string,
  ): Promise<Omit<StartPlan, 'paymentMethodId'>> {
    const input = { connectorId };
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
    // A reserved connector starts only for its holder, with the reservation's idTag (the charger
    // accepts exactly that tag on it); anyone else finds it taken.
    const reservation = await this.reservations.holder(connector.id);
    if (reservation && reservation.userId !== driver?.id)
      throw new AppError('conflict', 'connector_reserved', 'The connector is reserved', {
        param: 'connectorId',
      });
    if (!STARTABLE.has(connector.status) && !(reservation && connector.status === 'RESERVED'))
      throw new AppError(
        'conflict',
        'connector_unavailable',
        `The connector is ${connector.status}, not available`,
        { param: 'connectorId' },
      );
    if (!charger.online)
      throw new AppError('conflict', 'charger_offline', 'The charger is not connected');
    const tariff = await tariffForCharger(db, charger.id);
    if (!tariff)
      throw new AppError('conflict', 'no_tariff', 'This charger has no tariff; it cannot bill');
    return {
      connectorId: connector.id,
      connectorNumber: connector.connectorId,
      chargerId: charger.id,
      companyId: charger.companyId,
      tariff: snapshotOf(tariff, timeZone),
      feeBps: this.config.charging.feeBps,
      idTag: reservation?.idTag ?? oneOffIdTag(),
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
