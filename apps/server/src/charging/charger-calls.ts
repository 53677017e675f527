import { Injectable } from '@nestjs/common';
import { AppError } from '../platform/errors/app-error';
import { ChargerRouter } from './charger-router';

/**
 * The driver flow's calls to a charger (RemoteStart/StopTransaction), wherever it is connected
 * (ChargerRouter). Failures are AppErrors: offline 409 `charger_offline`, no answer 503
 * `charger_timeout`, gone mid-call 503 `charger_disconnected`, a CallError 409 `charger_refused`.
 */
@Injectable()
export class ChargerCalls {
  constructor(private readonly router: ChargerRouter) {}

  async call(
    chargerId: string,
    action: 'RemoteStartTransaction' | 'RemoteStopTransaction',
    payload: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const answer = await this.router.callCharger(chargerId, action, payload);
    if (answer.error)
      throw new AppError(
        'conflict',
        'charger_refused',
        `The charger refused: ${answer.error.code} ${answer.error.description}`,
      );
    return answer.result ?? {};
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
