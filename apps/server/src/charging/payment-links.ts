import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { UsersService } from '../identity';
import {
  PaymentReturns,
  PaymentsService,
  PUBLIC_URL,
  type PaymentRow,
  type PublicUrl,
} from '../payments';
import { Clock } from '../platform/clock';
import { Config } from '../platform/config/config';
import { Database } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { JobQueue } from '../platform/jobs/jobs';
import { chargingSessions, type ChargingSessionRow } from './charging.schema';
import {
  linkStatusOf,
  toPaymentLinkView,
  type LinkMethod,
  type PaymentLinkView,
} from './payment-links.view';
import {
  chargingSessionPayers,
  type PaymentMode,
  type SessionPayerRow,
} from './session-payers.schema';
import { LINK_QUEUE, SESSION_PAYABLE } from './session-queues';
import { isLinkMode, isLinkPayment, linkAmount, linkKey } from './link-modes';

/**
 * Seed 000's payment links: a link-mode session is paid after its stop on a hosted checkout page
 * (card or USDC), one payments row per link, all for the session's payable (1:N, newest first).
 * A link is made outside any transaction: its sequence number is claimed first (link_seq, the
 * first in the transaction that completes the session, later ones by a guarded update), and the
 * payment is recorded under the key (session, sequence) — so a crash between the stop and the
 * link, a job run twice, or two stops at once make exactly one link, whose provider call carries
 * keys derived from the payment's id. What the payer does then reaches the session through the
 * payable handler (SessionPayments), as a captured hold's does.
 */
@Injectable()
export class PaymentLinks implements OnModuleInit {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly config: Config,
    private readonly jobs: JobQueue,
    private readonly payments: PaymentsService,
    private readonly returns: PaymentReturns,
    private readonly users: UsersService,
    @Inject(PUBLIC_URL) private readonly publicUrl: PublicUrl,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.define<{ sessionId: string }>(
      LINK_QUEUE,
      async (job) => void (await this.ensure(job.data.sessionId)),
      { retryLimit: 10, retryDelaySeconds: 5 },
    );
  }

  /** The session's link payments, newest first. */
  async links(sessionId: string): Promise<PaymentRow[]> {
    const all = await this.payments.forPayable({ type: SESSION_PAYABLE, id: sessionId });
    return all.filter(isLinkPayment).sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  async view(sessionId: string): Promise<PaymentLinkView> {
    const links = await this.links(sessionId);
    if (links.length === 0) throw AppError.notFound('payment link', sessionId);
    return toPaymentLinkView(sessionId, links);
  }

  /** The view, or null when the session has no link (yet). */
  async viewOrNull(sessionId: string): Promise<PaymentLinkView | null> {
    const links = await this.links(sessionId);
    return links.length === 0 ? null : toPaymentLinkView(sessionId, links);
  }

  /**
   * Makes the link the session's claimed sequence names, if it does not exist yet (a replay finds
   * it by its key). Nothing for a session that is not link-paid, not completed, or owes nothing.
   */
  async ensure(sessionId: string): Promise<PaymentRow | undefined> {
    const [row] = await this.database.db
      .select({ session: chargingSessions, payer: chargingSessionPayers })
      .from(chargingSessions)
      .innerJoin(chargingSessionPayers, eq(chargingSessionPayers.sessionId, chargingSessions.id))
      .where(eq(chargingSessions.id, sessionId));
    if (!row || !isLinkMode(row.payer.paymentMode)) return undefined;
    const { session: s, payer } = row;
    const amount = linkAmount(s);
    if (s.status !== 'COMPLETED' || payer.linkSeq === 0 || amount <= 0n) return undefined;
    const key = linkKey(s.id, payer.linkSeq);
    const made = (await this.links(s.id)).find((p) => p.requestKey === key);
    if (made?.providerSessionId) return made;
    const user = s.userId ? await this.users.findActive(s.userId) : undefined;
    // From when the sequence was claimed, so every attempt at this link asks for the same expiry
    // (the provider's idempotency compares the request); a very late first attempt starts anew,
    // since the provider wants 30 minutes at least.
    const ttl = this.config.charging.linkExpiryMinutes * 60_000;
    const now = this.clock.now().getTime();
    const fromClaim = payer.updatedAt.getTime() + ttl;
    const expiresAt = new Date(fromClaim - now >= 31 * 60_000 ? fromClaim : now + ttl);
    return this.payments.payByLink({
      payable: { type: SESSION_PAYABLE, id: s.id },
      ...(user ? { user } : {}),
      amount,
      currency: s.currency,
      method: payer.paymentMode === 'LINK_CRYPTO' ? 'CRYPTO_LINK' : 'CARD_LINK',
      productName: `Charging session ${s.id}`,
      // Back to the session's own page (never the key: the provider would see it; the guest's
      // page keeps it).
      successUrl: this.returnUrl(s, 'success'),
      cancelUrl: this.returnUrl(s, 'cancel'),
      expiresAt,
      requestKey: key,
    });
  }

  private returnUrl(s: ChargingSessionRow, outcome: 'success' | 'cancel'): string {
    const page = s.userId ? 'sessions' : 'guest';
    return `${this.publicUrl.value}/charge/${page}/${s.id}?checkout=${outcome}`;
  }

  /**
   * A new link for the session (seed 000's recreate-link): the latest expired or failed makes way
   * at once; an open one is expired at the provider first (which refuses if it was paid
   * meanwhile: 409). Paid or refunded: 409 `payment_link_paid`. Two callers at once make one.
   */
  async recreate(
    s: ChargingSessionRow,
    payer: SessionPayerRow | null,
    method: LinkMethod | undefined,
  ): Promise<PaymentLinkView> {
    if (!payer || !isLinkMode(payer.paymentMode))
      throw new AppError('conflict', 'not_link_session', 'This session is paid by a card hold');
    if (s.status !== 'COMPLETED')
      throw new AppError('conflict', 'session_not_completed', 'The session has not ended yet');
    if (linkAmount(s) <= 0n)
      throw new AppError('conflict', 'nothing_to_pay', 'The session cost nothing');
    const mode: PaymentMode =
      method === 'crypto' ? 'LINK_CRYPTO' : method === 'card' ? 'LINK_CARD' : payer.paymentMode;
    if (mode === 'LINK_CRYPTO' && s.currency !== 'usd')
      throw AppError.validation(
        'USDC links are for sessions priced in usd',
        'method',
        'currency_not_supported',
      );
    const latest = (await this.links(s.id)).find(
      (p) => p.requestKey === linkKey(s.id, payer.linkSeq),
    );
    if (latest) {
      let status = linkStatusOf(latest);
      if (status === 'PENDING') status = linkStatusOf(await this.returns.expireLink(latest.id));
      if (status === 'PAID' || status === 'REFUNDED' || status === 'PARTIALLY_REFUNDED')
        throw new AppError('conflict', 'payment_link_paid', 'The session is paid');
      if (status === 'PENDING')
        throw new AppError('conflict', 'payment_link_processing', 'The payment is being processed');
      const now = this.clock.now();
      // Of two callers, one moves the sequence on; the other makes (or finds) that same link.
      await this.database.db
        .update(chargingSessionPayers)
        .set({ linkSeq: payer.linkSeq + 1, paymentMode: mode, updatedAt: now })
        .where(
          and(
            eq(chargingSessionPayers.sessionId, s.id),
            eq(chargingSessionPayers.linkSeq, payer.linkSeq),
          ),
        );
    }
    // No latest: its sequence was claimed but the link never made (a crash): make it now.
    await this.ensure(s.id);
    return this.view(s.id);
  }

  /** The payment of the session's that took money: its paid link, or its captured hold. */
  async collected(s: ChargingSessionRow): Promise<PaymentRow> {
    const all = await this.payments.forPayable({ type: SESSION_PAYABLE, id: s.id });
    const paid = all.filter((p) => p.amountCaptured > 0n);
    const p =
      paid.find((x) => x.id === s.paymentId) ?? paid.sort((a, b) => (a.id < b.id ? 1 : -1))[0];
    if (!p)
      throw new AppError(
        'conflict',
        'payment_not_refundable',
        'Nothing was collected for this session',
      );
    return p;
  }
}
