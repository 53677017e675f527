import { Injectable } from '@nestjs/common';
import { RPCError, TimeoutError } from 'ocpp-rpc';
import { z } from 'zod';
import type { UserRow } from '../identity';
import { AppError } from '../platform/errors/app-error';
import { Chargers } from './chargers';
import { OcppGateway } from './ocpp-gateway';
import { OCPP16_VALIDATOR } from './ocpp-schemas';

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
 * Sends an operator's command to a charger connected to this node and returns what it answered.
 * The payload is checked against OCPP 1.6's schema first (a 400 naming the fault, nothing sent);
 * the charger's CallError is an answer too (200 with `error`); no answer in time is a 503.
 */
@Injectable()
export class OcppCommands {
  constructor(
    private readonly chargers: Chargers,
    private readonly gateway: OcppGateway,
  ) {}

  async send(
    actor: UserRow,
    chargerId: string,
    action: OcppCommand,
    payload: Record<string, unknown>,
  ): Promise<CommandAnswer> {
    const charger = await this.chargers.get(actor, chargerId);
    try {
      // Throws the schema's complaint; OCPP's schemas are synchronous, so never a promise.
      if (OCPP16_VALIDATOR.validate(`urn:${action}.req`, payload) !== true)
        throw new Error('invalid');
    } catch (err) {
      throw AppError.validation(
        `payload is not a valid ${action}: ${(err as Error).message}`,
        'payload',
        'invalid_ocpp_payload',
      );
    }
    const client = this.gateway.clientFor(charger.id);
    if (!client) throw new AppError('conflict', 'charger_offline', 'The charger is not connected');
    try {
      const result = (await client.call(action, payload)) as Record<string, unknown>;
      return { action, result, error: null };
    } catch (err) {
      if (err instanceof TimeoutError)
        throw new AppError('unavailable', 'charger_timeout', 'The charger did not answer in time');
      if (err instanceof RPCError) {
        const code = (err as RPCError & { rpcErrorCode: string }).rpcErrorCode;
        return { action, result: null, error: { code, description: err.message } };
      }
      // The socket went away with the call in flight (ocpp-rpc aborts pending calls then).
      if (err instanceof Error && err.name === 'AbortError')
        throw new AppError('unavailable', 'charger_disconnected', 'The charger disconnected');
      throw err;
    }
  }
}
