import { Injectable } from '@nestjs/common';
import type { ChargingSessionRow } from './charging.schema';

/**
 * Raising a session's hold when its cost nears it (`increment_authorization`). The seam for the
 * payments core's incremental authorisation: until it is there every card is treated as not
 * supporting it, so the hold guard stops the session before its cost passes the hold.
 */
@Injectable()
export class HoldIncrements {
  /** The new authorised amount, or undefined when the card refused or cannot be incremented. */
  raise(_session: ChargingSessionRow, _amount: bigint): Promise<bigint | undefined> {
    return Promise.resolve(undefined);
  }
}
