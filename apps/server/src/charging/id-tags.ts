import { Injectable } from '@nestjs/common';

/** OCPP 1.6 AuthorizationStatus, as we answer it in idTagInfo. */
export type IdTagStatus = 'Accepted' | 'Blocked' | 'Expired' | 'Invalid' | 'ConcurrentTx';

export type IdTagCheck = (
  chargerId: string,
  idTag: string,
) => IdTagStatus | undefined | Promise<IdTagStatus | undefined>;

/**
 * Who may charge with an idTag. OCPP 1.6 has no other link between a transaction and whoever
 * started it: the driver flow issues one-off idTags with its remote starts and registers a check
 * that knows them. An idTag no check knows is `Invalid`, so a charger never starts an unpaid
 * transaction on its own.
 */
@Injectable()
export class IdTags {
  private readonly checks: IdTagCheck[] = [];

  register(check: IdTagCheck): void {
    this.checks.push(check);
  }

  async status(chargerId: string, idTag: string): Promise<IdTagStatus> {
    for (const check of this.checks) {
      const status = await check(chargerId, idTag);
      if (status !== undefined) return status;
    }
    return 'Invalid';
  }
}
