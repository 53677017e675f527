import { Inject, Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import type { UserRow } from '../identity';
import { UsdcPrecheck, type ChainName } from '../onchain';
import { PUBLIC_URL, type PublicUrl } from '../payments';
import { Clock } from '../platform/clock';
import { Logger } from '../platform/logging/logger';
import { Database } from '../platform/database/database';
import { isUniqueViolation } from '../platform/database/pg-errors';
import { AppError } from '../platform/errors/app-error';
import { newId } from '../platform/ids/ids';
import { chargingSessions, type ChargingSessionRow } from './charging.schema';
import { DriverSessions } from './driver-sessions';
import { accessKeyHash, newAccessKey } from './session-access';
import { SessionControl } from './session-control';
import {
  chargingSessionPayers,
  type PaymentMode,
  type SessionPayerRow,
} from './session-payers.schema';
import { isLinkMode } from './link-modes';
import { PaymentLinks } from './payment-links';
import { StartPlanner } from './start-planner';
import type { StartedView, StoppedView } from './payment-links.view';
import { toJsonNumber } from '../platform/money';

/** How POST /session/start is asked to pay. */
export type StartPayment =
  | { type: 'card'; paymentMethodId: string }
  | { type: 'link'; method: 'card' | 'crypto'; walletAddress?: string; chain?: ChainName };

/** USDC has 6 decimals; a usd minor unit (cent) is 10^4 of them. */
const USDC_PER_CENT = 10_000n;
const GUEST_SCOPE = 'guest';
/** How long POST /session/stop waits for the charger's StopTransaction. */
const STOP_WAIT_MS = 10_000;

/**
 * Seed 000's start, for signed-in drivers and guests alike. A card start is a hold, as POST
 * /sessions/start (DriverSessions: a driver's saved card, or a guest's card just entered). A link start holds nothing: the session is
 * capped at the tariff's hold amount (the hold guard stops it there: no hold to raise) and paid
 * afterwards by link; a USDC payer's wallet is pre-checked for the cap first (402
 * `precheck_failed`). The session and its payer row are written in one transaction, under the
 * request's Idempotency-Key (unique per user, or among guests), then the charger is started. A
 * guest's access key is made here and returned once; only its sha256 is stored — a guest's replay
 * of the start (its first answer lost) gets a fresh key, the old one no longer opening it.
 */
@Injectable()
export class AdhocSessions {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly planner: StartPlanner,
    private readonly control: SessionControl,
    private readonly drivers: DriverSessions,
    private readonly precheck: UsdcPrecheck,
    private readonly links: PaymentLinks,
    private readonly logger: Logger,
    @Inject(PUBLIC_URL) private readonly publicUrl: PublicUrl,
  ) {}

  async start(
    user: UserRow | undefined,
    input: { connectorId: string; payment: StartPayment; email?: string },
    requestKey: string | undefined,
  ): Promise<StartedView> {
    if (input.payment.type === 'card' && user) {
      const s = await this.drivers.start(
        user,
        { connectorId: input.connectorId, paymentMethodId: input.payment.paymentMethodId },
        requestKey,
      );
      return { sessionId: s.id, status: s.status };
    }
    const scope = user?.id ?? GUEST_SCOPE;
    if (requestKey) {
      const earlier = await this.byKey(scope, requestKey);
      if (earlier) return this.resume(user, earlier.session);
    }
    const pay = input.payment;
    const site = await this.planner.site(user, input.connectorId);
    const cap = BigInt(site.tariff.holdAmount);
    let wallet: { walletAddress: string; chain: ChainName } | undefined;
    if (pay.type === 'link' && pay.method === 'crypto') {
      const link = pay;
      if (site.tariff.currency !== 'usd')
        throw AppError.validation(
          'USDC is accepted at usd-priced chargers only',
          'payment.method',
          'currency_not_supported',
        );
      if (!link.walletAddress || !link.chain)
        throw AppError.validation(
          'A USDC payer names walletAddress and chain',
          link.walletAddress ? 'payment.chain' : 'payment.walletAddress',
        );
      const check = await this.precheck.check({
        walletAddress: link.walletAddress,
        chain: link.chain,
        amount: cap * USDC_PER_CENT,
      });
      if (!check.ok)
        throw new AppError(
          'payment_required',
          'precheck_failed',
          'The wallet cannot pay the session’s cap in USDC with its gas',
          { details: { shortfalls: check.shortfalls } },
        );
      wallet = { walletAddress: check.walletAddress, chain: link.chain };
    }
    const key = user ? undefined : newAccessKey();
    const mode: PaymentMode =
      pay.type === 'card' ? 'CARD_HOLD' : pay.method === 'crypto' ? 'LINK_CRYPTO' : 'LINK_CARD';
    const now = this.clock.now();
    const id = newId('chargingSession', now.getTime());
    let session: ChargingSessionRow;
    try {
      session = await this.database.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(chargingSessions)
          .values({
            id,
            userId: user?.id ?? null,
            companyId: site.companyId,
            chargerId: site.chargerId,
            connectorId: site.connectorId,
            connectorNumber: site.connectorNumber,
            tariff: site.tariff,
            currency: site.tariff.currency,
            feeBps: site.feeBps,
            idTag: site.idTag,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        await tx.insert(chargingSessionPayers).values({
          sessionId: id,
          paymentMode: mode,
          email: input.email ?? null,
          accessKeyHash: key ? accessKeyHash(key) : null,
          walletAddress: wallet?.walletAddress ?? null,
          chain: wallet?.chain ?? null,
          requestScope: scope,
          requestKey: requestKey ?? null,
          createdAt: now,
          updatedAt: now,
        });
        return row!;
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // The same key racing itself: the winner's session is this request's answer.
      const winner = requestKey ? await this.byKey(scope, requestKey) : undefined;
      if (winner) return this.resume(user, winner.session);
      throw new AppError('conflict', 'connector_busy', 'Another session holds this connector', {
        param: 'connectorId',
      });
    }
    if (pay.type === 'card') {
      // A guest's card, just entered: the same hold as a driver's (a decline: 402, FAILED).
      const held = await this.drivers.hold(
        undefined,
        session,
        pay.paymentMethodId,
        site.startTimeoutSeconds,
      );
      return this.started(held, key);
    }
    const launched = await this.control.launchWith(
      session,
      { paymentId: null, authorizedAmount: cap, captureBefore: null },
      site.startTimeoutSeconds,
    );
    return this.started(launched, key);
  }

  /**
   * Stops the session remotely and waits (bounded) for the charger's StopTransaction. `pending`:
   * the stop is not in yet (STOPPING; the link is made when it comes, also when the charger
   * ends the session itself). A link session's answer carries its link; a card session's, what
   * it costs (captured by the capture job).
   */
  async stop(
    s: ChargingSessionRow,
    payer: SessionPayerRow | null,
  ): Promise<{ view: StoppedView; pending: boolean }> {
    if (s.status === 'CHARGING' || s.status === 'STARTING' || s.status === 'AUTHORIZING')
      await this.control.stop(s, 'DRIVER');
    let now = await this.control.find(s.id);
    const until = Date.now() + STOP_WAIT_MS;
    while (now.status === 'STOPPING' && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200));
      now = await this.control.find(s.id);
    }
    const byLink = now.status === 'COMPLETED' && isLinkMode(payer?.paymentMode);
    if (byLink) await this.linkFor(now.id);
    const latest = byLink ? await this.links.viewOrNull(now.id) : null;
    const cost = now.cost ?? 0n;
    return {
      pending: now.status === 'STOPPING',
      view: {
        sessionId: now.id,
        status: now.status,
        amount: latest ? latest.amount : toJsonNumber(now.capturedAmount ?? cost),
        currency: now.currency,
        paymentUrl: latest?.paymentUrl ?? null,
        expiresAt: latest?.expiresAt ?? null,
      },
    };
  }

  /**
   * Makes (or finds) the session's link now, so the stop can answer it. The link job queued with
   * the stop may be making it at this moment (the provider then refuses the same key in flight):
   * tried a few times; an outage leaves it to the job, and the answer without it.
   */
  private async linkFor(sessionId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.links.ensure(sessionId);
        return;
      } catch (err) {
        if (attempt >= 3) {
          this.logger.warn({ err, sessionId }, 'making a payment link at the stop failed');
          return;
        }
        await new Promise((r) => setTimeout(r, 300 * attempt));
      }
    }
  }

  private started(s: ChargingSessionRow, key: string | undefined): StartedView {
    if (!key) return { sessionId: s.id, status: s.status };
    return {
      sessionId: s.id,
      status: s.status,
      accessKey: key,
      sessionUrl: `${this.publicUrl.value}/charge/guest/${s.id}#key=${key}`,
    };
  }

  /** A replayed start: the session as it is (started if a crash left it unstarted). */
  private async resume(user: UserRow | undefined, s: ChargingSessionRow): Promise<StartedView> {
    let key: string | undefined;
    if (!user) {
      key = newAccessKey();
      await this.database.db
        .update(chargingSessionPayers)
        .set({ accessKeyHash: accessKeyHash(key), updatedAt: this.clock.now() })
        .where(eq(chargingSessionPayers.sessionId, s.id));
    }
    let current = s;
    // A link start a crash left unstarted goes on; a card start's hold is the watch's to settle.
    const [payer] = await this.database.db
      .select({ mode: chargingSessionPayers.paymentMode })
      .from(chargingSessionPayers)
      .where(eq(chargingSessionPayers.sessionId, s.id));
    if (s.status === 'AUTHORIZING' && isLinkMode(payer?.mode))
      current = await this.control.launchWith(
        s,
        { paymentId: null, authorizedAmount: BigInt(s.tariff.holdAmount), captureBefore: null },
        this.planner.startTimeoutSeconds,
      );
    return this.started(current, key);
  }

  private async byKey(scope: string, key: string) {
    const [row] = await this.database.db
      .select({ session: chargingSessions, payer: chargingSessionPayers })
      .from(chargingSessionPayers)
      .innerJoin(chargingSessions, eq(chargingSessions.id, chargingSessionPayers.sessionId))
      .where(
        and(
          eq(chargingSessionPayers.requestScope, scope),
          eq(chargingSessionPayers.requestKey, key),
        ),
      );
    return row;
  }
}
