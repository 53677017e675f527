import { Injectable } from '@nestjs/common';
import { RPCError, TimeoutError } from 'ocpp-rpc';
import { AppError } from '../platform/errors/app-error';
import { OcppGateway } from './ocpp-gateway';

/**
 * The driver flow's calls to a charger (RemoteStart/StopTransaction). One small seam: today the
 * charger must be connected to this node (the gateway's client); when commands are routed across
 * nodes only `call` changes. Every failure is an AppError: offline 409 `charger_offline`, no answer
 * 503 `charger_timeout`, a CallError 409 `charger_refused`.
 */
@Injectable()
export class ChargerCalls {
  constructor(private readonly gateway: OcppGateway) {}

  connected(chargerId: string): boolean {
    return this.gateway.clientFor(chargerId) !== undefined;
  }

  async call(
    chargerId: string,
    action: 'RemoteStartTransaction' | 'RemoteStopTransaction',
    payload: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const client = this.gateway.clientFor(chargerId);
    if (!client) throw new AppError('conflict', 'charger_offline', 'The charger is not connected');
    try {
      return (await client.call(action, payload)) as Record<string, unknown>;
    } catch (err) {
      if (err instanceof TimeoutError)
        throw new AppError('unavailable', 'charger_timeout', 'The charger did not answer in time');
      if (err instanceof RPCError)
        throw new AppError('conflict', 'charger_refused', `The charger refused: ${err.message}`);
      if (err instanceof Error && err.name === 'AbortError')
        throw new AppError('unavailable', 'charger_disconnected', 'The charger disconnected');
      throw err;
    }
  }

  /** Asks the charger to start or stop; true when it answered `Accepted`. */
  async accepted(
    chargerId: string,
    action: 'RemoteStartTransaction' | 'RemoteStopTransaction',
    payload: Record<string, unknown>,
  ): Promise<boolean> {
    const answer = await this.call(chargerId, action, payload);
    return answer.status === 'Accepted';
  }
}
