import { Injectable } from '@nestjs/common';
import { Database } from '../platform/database/database';
import { DisputeWriter } from './dispute-writer';
import { disputeWithholds } from './payment-state';
import { PaymentWriter } from './payment-writer';
import type { PaymentRow } from './payments.schema';
import { PaymentProvider } from './provider/payment-provider';

/** One way a payment's record (and so its books) disagreed with the provider. */
export interface AuditDifference {
  paymentId: string;
  field: 'captured' | 'refunded' | 'disputed';
  recorded: string;
  provider: string;
}

/**
 * One payment against the provider: what it holds (captured, refunded, disputed) compared with the
 * record; on any difference the provider's truth is applied through the writers.
 */
@Injectable()
export class PaymentAuditor {
  constructor(
    private readonly database: Database,
    private readonly provider: PaymentProvider,
    private readonly writer: PaymentWriter,
    private readonly disputes: DisputeWriter,
  ) {}

  async audit(p: PaymentRow): Promise<AuditDifference[]> {
    const intent = await this.provider.retrieveIntent(p.providerIntentId!);
    const disputes = await this.provider.listDisputes(p.providerIntentId!);
    const obs = intent.observation;
    const withheld = disputes
      .filter((d) => disputeWithholds(d.status))
      .reduce((sum, d) => sum + d.amount, 0n);
    const differences: AuditDifference[] = [];
    const differ = (field: AuditDifference['field'], recorded: bigint, provider?: bigint) => {
      if (provider !== undefined && provider !== recorded)
        differences.push({
          paymentId: p.id,
          field,
          recorded: recorded.toString(),
          provider: provider.toString(),
        });
    };
    differ('captured', p.amountCaptured, obs.amountCaptured);
    differ('refunded', p.amountRefunded, obs.amountRefunded);
    differ('disputed', p.amountDisputed, withheld);
    if (differences.length === 0) return [];
    await this.writer.apply(p.id, obs, 'audit', { providerIntentId: intent.id }, 'intent');
    for (const d of disputes) {
      await this.database.db.transaction((tx) => this.disputes.applyInTx(tx, p.id, d, 'audit'));
    }
    return differences;
  }
}
