import { Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import type { UserRow } from '../identity';
import { PaymentsService } from '../payments';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { ocppTransactions, type ChargingSessionRow } from './charging.schema';
import { isLinkMode, isLinkPayment } from './link-modes';
import { PaymentLinks } from './payment-links';
import type { PayerSessionView, PaymentLinkView } from './payment-links.view';
import { SessionAccess, type Payer } from './session-access';
import { historyOf } from './session-history';
import { SESSION_PAYABLE } from './session-queues';
import { SessionsQuery } from './sessions.query';
import { toReceiptView, toSessionView, type ReceiptView, type SessionView } from './sessions.view';
import { toJsonNumber } from '../platform/money';

/** Reads and the admin's refund of seed 000's sessions, whoever pays them. */
@Injectable()
export class PayerSessions {
  constructor(
    readonly access: SessionAccess,
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly links: PaymentLinks,
    private readonly payments: PaymentsService,
    private readonly query: SessionsQuery,
  ) {}

  async view(payer: Payer, id: string): Promise<PayerSessionView> {
    const { session, payer: row } = await this.access.find(payer, id);
    const tx = await this.transactionOf(session);
    const link = isLinkMode(row?.paymentMode) ? await this.links.viewOrNull(id) : null;
    const byLink = isLinkMode(row?.paymentMode);
    return {
      ...toSessionView(
        session,
        tx,
        this.clock.now(),
        await historyOf(this.database.db, session, tx),
      ),
      capAmount: byLink ? toJsonNumber(BigInt(session.tariff.holdAmount)) : null,
      payment: {
        type: isLinkMode(row?.paymentMode) ? 'link' : 'card',
        method: row?.paymentMode === 'LINK_CRYPTO' ? 'crypto' : 'card',
        link,
      },
    };
  }

  /** The session's receipt, as GET /sessions/{id}/receipt answers it. */
  async receipt(payer: Payer, id: string): Promise<ReceiptView> {
    const { session } = await this.access.find(payer, id);
    if (!session.startedAt)
      throw new AppError('conflict', 'session_not_started', 'The session never started charging');
    const tx = await this.transactionOf(session);
    return toReceiptView(
      session,
      tx,
      this.clock.now(),
      await historyOf(this.database.db, session, tx),
    );
  }

  private async transactionOf(session: ChargingSessionRow) {
    if (!session.ocppTransactionId) return null;
    const [tx] = await this.database.db
      .select()
      .from(ocppTransactions)
      .where(eq(ocppTransactions.id, session.ocppTransactionId));
    return tx ?? null;
  }

  /**
   * Refunds the session's collected payment (its paid link or captured hold), all or `amount`.
   * The request key goes with the refund (unique per payment in the payments core), so a replay
   * is one refund; the session and the ledger follow through the payable handler.
   */
  async refund(
    admin: UserRow,
    b: { sessionId?: string; paymentId?: string; amount?: number; reason?: string },
    requestKey: string | undefined,
  ): Promise<PaymentLinkView | SessionView> {
    let sessionId = b.sessionId;
    let paymentId = b.paymentId;
    if (paymentId) {
      const p = await this.payments.get(paymentId).catch(() => undefined);
      if (!p || p.payableType !== SESSION_PAYABLE) throw AppError.notFound('payment', paymentId);
      sessionId = p.payableId;
    }
    const { session } = await this.access.find({ user: admin }, sessionId!);
    if (!paymentId) paymentId = (await this.links.collected(session)).id;
    const p = await this.payments.get(paymentId);
    await this.payments.refund(
      p.id,
      b.amount === undefined ? undefined : BigInt(b.amount),
      b.reason,
      requestKey ? { requestKey } : {},
    );
    return isLinkPayment(p) ? this.links.view(session.id) : this.query.view(admin, session.id);
  }
}
