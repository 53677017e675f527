import { Injectable } from '@nestjs/common';
import type { Tx } from '../platform/database/database';

/**
 * What a provider's Connect event says about a payout account or a payout (no payment involved):
 * the wallet hears it through ConnectEvents, in the transaction that marks the event applied.
 */
export type ConnectFact =
  | {
      kind: 'account';
      accountId: string;
      /** Onboarding done: transfers to it are allowed. */
      ready: boolean;
      /** What the provider still needs from the account's owner. */
      due: string[];
    }
  | {
      kind: 'transfer_reversed';
      transferId: string;
      /** The transfer's total reversed so far (not this reversal's part). */
      amountReversed: bigint;
      currency: string;
    };

export type ConnectHandler = (tx: Tx, fact: ConnectFact, cause: string) => Promise<void>;

/** Where the wallet registers for Connect facts (payments never reads the wallet's tables). */
@Injectable()
export class ConnectEvents {
  private readonly handlers: ConnectHandler[] = [];

  register(handler: ConnectHandler): void {
    this.handlers.push(handler);
  }

  async applyInTx(tx: Tx, fact: ConnectFact, cause: string): Promise<void> {
    for (const handler of this.handlers) await handler(tx, fact, cause);
  }
}
