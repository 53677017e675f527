import { Injectable } from '@nestjs/common';
import type { Tx } from '../platform/database/database';
import type { BillingFact } from './provider/billing-port';

/**
 * A module's handler of billing events (subscriptions, invoices). It runs inside the transaction
 * that marks the webhook event applied, so its change commits with it, exactly once; it is told the
 * provider's event id to key what it books by. It must ignore facts about subscriptions not its own.
 */
export type BillingListener = (tx: Tx, fact: BillingFact, eventId: string) => Promise<void>;

/**
 * Where subscription and invoice events go once the webhook intake stored them: the payment
 * events' counterpart to PayablesRegistry, for facts that are about no single payment.
 */
@Injectable()
export class BillingEvents {
  private readonly listeners: BillingListener[] = [];

  listen(listener: BillingListener): void {
    this.listeners.push(listener);
  }

  async dispatch(tx: Tx, fact: BillingFact, eventId: string): Promise<void> {
    for (const l of this.listeners) await l(tx, fact, eventId);
  }
}
