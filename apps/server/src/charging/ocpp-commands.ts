import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { UserRow } from '../identity';
import { ChargerRouter } from './charger-router';
import { Chargers } from './chargers';

/** What an operator may ask a charger (OCPP 1.6J, central system → charge point). */
export const OCPP_COMMANDS = [
  'RemoteStartTransaction',
  'RemoteStopTransaction',
  'UnlockConnector',
  'ChangeAvailability',
  'Reset',
  'GetConfiguration',
  'ChangeConfiguration',
  'TriggerMessage',
  'ClearCache',
  'ReserveNow',
  'CancelReservation',
  'SendLocalList',
  'GetLocalListVersion',
  'SetChargingProfile',
  'ClearChargingProfile',
  'GetCompositeSchedule',
  'UpdateFirmware',
  'GetDiagnostics',
  'DataTransfer',
] as const;
export type OcppCommand = (typeof OCPP_COMMANDS)[number];

export const CommandAnswer = z.object({
  action: z.string(),
  /** The charger's answer (a CallResult), when it gave one. */
  result: z.record(z.string(), z.unknown()).nullable(),
  /** The charger's refusal (a CallError): OCPP error code and its description. */
  error: z.object({ code: z.string(), description: z.string() }).nullable(),
});
export type CommandAnswer = z.infer<typeof CommandAnswer>;

/**
 * Sends an operator's command to a charger, on whichever node it is connected (ChargerRouter),
 * and returns what it answered. The payload is checked against OCPP 1.6's schema first (a 400
 * naming the fault, nothing sent); the charger's CallError is an answer too (200 with `error`);
 * not connected is a 409, no answer in time a 503.
 */
@Injectable()
export class OcppCommands {
  constructor(
    private readonly chargers: Chargers,
    private readonly router: ChargerRouter,
  ) {}

  async send(
    actor: UserRow,
    chargerId: string,
    action: OcppCommand,
    payload: Record<string, unknown>,
  ): Promise<CommandAnswer> {
    const charger = await this.chargers.get(actor, chargerId);
    return { action, ...(await this.router.callCharger(charger.id, action, payload)) };
  }
}
