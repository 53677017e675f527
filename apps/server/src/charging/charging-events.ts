import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { z } from 'zod';
import { CAPTURE_STATUSES, CONNECTOR_STATUSES, SESSION_STATUSES } from './charging.schema';
import { Clock } from '../platform/clock';
import { Logger } from '../platform/logging/logger';
import { PubSub, type Unsubscribe } from '../platform/pubsub/pubsub';

/** Every node publishes its charging events here and hears every node's. */
export const EVENTS_CHANNEL = 'charging.events';

const Status = z.enum(CONNECTOR_STATUSES);
const Where = { chargerId: z.string(), stationId: z.string(), companyId: z.string() };

/**
 * What happens to chargers, as pages see it live. `at` is when the server saw it (ISO 8601).
 * Money is in minor units of `currency`, as everywhere in the API.
 */
export const ChargingEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('charger.online'),
    ...Where,
    ocppId: z.string(),
    at: z.string(),
  }),
  z.object({
    type: z.literal('charger.offline'),
    ...Where,
    ocppId: z.string(),
    at: z.string(),
  }),
  /** StatusNotification for connector 0: the charger as a whole. */
  z.object({
    type: z.literal('charger.status'),
    ...Where,
    status: Status,
    errorCode: z.string(),
    at: z.string(),
  }),
  z.object({
    type: z.literal('connector.status'),
    ...Where,
    /** Our id (`cnr_…`) and the charger's number for it (OCPP connectorId ≥ 1). */
    connectorId: z.string(),
    connectorNumber: z.number().int(),
    status: Status,
    errorCode: z.string(),
    info: z.string().nullable(),
    at: z.string(),
  }),
  /**
   * A driver's session changed what its page shows (status, live energy and cost, the hold, the
   * stop, the capture): published by SessionNews after the commit that changed it.
   */
  z.object({
    type: z.literal('session.updated'),
    sessionId: z.string(),
    companyId: z.string(),
    /** The driver; null for a guest's session. */
    userId: z.string().nullable(),
    chargerId: z.string(),
    stationId: z.string(),
    connectorId: z.string(),
    status: z.enum(SESSION_STATUSES),
    energyWh: z.number().int(),
    cost: z.number().int(),
    currency: z.string(),
    authorizedAmount: z.number().int().nullable(),
    capturedAmount: z.number().int().nullable(),
    captureStatus: z.enum(CAPTURE_STATUSES),
    stopCause: z.string().nullable(),
    failureMessage: z.string().nullable(),
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    at: z.string(),
  }),
]);
export type ChargingEvent = z.infer<typeof ChargingEvent>;
export type ChargingEventType = ChargingEvent['type'];
/** An event to publish: `at` defaults to now. */
export type NewChargingEvent = ChargingEvent extends infer E
  ? E extends ChargingEvent
    ? Omit<E, 'at'> & { at?: string }
    : never
  : never;

/** Which events a listener wants: every field given must match (absent: any). */
export interface EventFilter {
  companyId?: string;
  stationId?: string;
  chargerId?: string;
  userId?: string;
  sessionId?: string;
  types?: readonly ChargingEventType[];
}

function matches(f: EventFilter, e: ChargingEvent): boolean {
  const has = e as Partial<
    Record<'companyId' | 'stationId' | 'chargerId' | 'userId' | 'sessionId', string>
  >;
  return (
    (f.companyId === undefined || has.companyId === f.companyId) &&
    (f.stationId === undefined || has.stationId === f.stationId) &&
    (f.chargerId === undefined || has.chargerId === f.chargerId) &&
    (f.userId === undefined || has.userId === f.userId) &&
    (f.sessionId === undefined || has.sessionId === f.sessionId) &&
    (f.types === undefined || f.types.includes(e.type))
  );
}

/**
 * Live charging events across every node: `publish` sends an event over the platform's pub/sub
 * (charger and connector events from the OCPP side, session events from the driver flow), and
 * each node hands what it hears to its local listeners whose filter matches (an SSE stream each).
 * At most once and not stored: a page that (re)connects reads the current state through the API,
 * then follows the events.
 */
@Injectable()
export class ChargingEvents implements OnModuleInit, OnApplicationShutdown {
  private readonly listeners = new Set<{
    filter: EventFilter;
    listener: (e: ChargingEvent) => void;
  }>();
  private unsubscribe?: Unsubscribe;
  private readonly log: Logger;

  constructor(
    private readonly pubsub: PubSub,
    private readonly clock: Clock,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'charging-events' });
  }

  async onModuleInit(): Promise<void> {
    this.unsubscribe = await this.pubsub.subscribe(EVENTS_CHANNEL, (m) => this.heard(m));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.unsubscribe?.();
  }

  /** Never throws: a live event lost is a page a little behind, not a failed charger message. */
  async publish(input: NewChargingEvent): Promise<void> {
    const event = { ...input, at: input.at ?? this.clock.now().toISOString() };
    await this.pubsub.publish(EVENTS_CHANNEL, event).catch((err: unknown) => {
      this.log.warn({ err, type: event.type }, 'publishing a charging event failed');
    });
  }

  subscribe(filter: EventFilter, listener: (e: ChargingEvent) => void): () => void {
    const entry = { filter, listener };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  private heard(message: unknown): void {
    const parsed = ChargingEvent.safeParse(message);
    if (!parsed.success) return this.log.warn('a charging event of unknown shape; dropped');
    for (const { filter, listener } of this.listeners) {
      if (!matches(filter, parsed.data)) continue;
      try {
        listener(parsed.data);
      } catch (err) {
        this.log.error({ err }, 'a charging event listener failed');
      }
    }
  }
}
