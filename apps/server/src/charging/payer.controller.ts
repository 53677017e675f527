import { Body, Controller, Get, Headers, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { getAddress, isAddress } from 'ethers';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CurrentUser, Public, Roles, type UserRow } from '../identity';
import { CHAINS } from '../onchain';
import { AppError } from '../platform/errors/app-error';
import { Doc } from '../platform/http/doc';
import { Idempotent } from '../platform/idempotency/idempotent.decorator';
import { AmountSchema } from '../platform/money';
import { AdhocSessions } from './adhoc-sessions';
import { PaymentLinks } from './payment-links';
import {
  LinkMethod,
  PayerSessionView,
  PaymentLinkView,
  StartedView,
  StoppedView,
} from './payment-links.view';
import { PayerSessions } from './payer-sessions';
import { CurrentPayer, PayerAuthGuard, PayerRateLimit, type Payer } from './session-access';
import { ReceiptView, SessionView } from './sessions.view';

/** Our ids: a prefix and a ULID; anything else is refused before a query. */
const SessionId = z.string().regex(/^[a-z]{2,8}_[0-9A-Za-z]{1,40}$/, 'must be a session id');
const Email = z.email().max(254);
const WalletAddress = z
  .string()
  .max(100)
  .refine((a) => /^0x[0-9a-fA-F]{40}$/.test(a) && isAddress(a), {
    message: 'expected 0x and 40 hex digits (mixed case: a valid EIP-55 checksum)',
  })
  .transform((a) => getAddress(a));

const StartBody = z.strictObject({
  connectorId: z.string().min(1).max(64),
  payment: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('card'), paymentMethodId: z.string().min(1).max(255) }),
    z.strictObject({
      type: z.literal('link'),
      method: LinkMethod,
      walletAddress: WalletAddress.optional(),
      chain: z.enum(CHAINS).optional(),
    }),
  ]),
  email: Email.optional(),
});
const StopBody = z.strictObject({ sessionId: SessionId });
const RecreateBody = z.strictObject({ sessionId: SessionId, method: LinkMethod.optional() });
const RefundBody = z
  .strictObject({
    sessionId: SessionId.optional(),
    paymentId: z
      .string()
      .regex(/^pay_[0-9A-Za-z]{1,40}$/, 'must be a payment id')
      .optional(),
    /** Integer minor units, as every amount in the API (absent: all that is left). */
    amount: AmountSchema.optional(),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .refine((b) => (b.sessionId === undefined) !== (b.paymentId === undefined), {
    message: 'Send sessionId or paymentId (one of them)',
    path: ['sessionId'],
  });

const KeyHeader = ApiHeader({
  name: 'X-Session-Key',
  required: false,
  description: 'A guest’s access key (from the start’s answer); signed-in callers send a token',
});

/** Seed 000's session routes, for signed-in drivers and guests (their access key). */
@ApiTags('charging')
@Controller('api/v1/session')
@Public()
@UseGuards(PayerRateLimit, PayerAuthGuard)
export class PayerSessionsController {
  constructor(
    private readonly adhoc: AdhocSessions,
    private readonly sessions: PayerSessions,
  ) {}

  @Post('start')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Makes a retry safe: the same key is the same session (a guest’s replay gets a new access key)',
  })
  @Doc({
    summary:
      'Start charging (seed 000; public, signed in or not, per-IP rate limit): `card` holds the tariff’s hold amount on a saved card (signed-in drivers; 402 if declined); `link` holds nothing, caps the session at the hold amount and is paid after the stop by a checkout link (card or USDC; USDC pre-checked: 402 `precheck_failed`). A guest gets an access key, once',
    status: 201,
    response: StartedView,
    errors: [402, 409, 429, 503],
  })
  start(
    @CurrentPayer() payer: Payer,
    @Body({ schema: StartBody }) b: z.infer<typeof StartBody>,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    if (key !== undefined && !/^[\x21-\x7e]{1,255}$/.test(key))
      throw AppError.validation('Idempotency-Key: 1–255 printable characters', 'Idempotency-Key');
    return this.adhoc.start(payer.user, b, key);
  }

  @Post('stop')
  @KeyHeader
  @Doc({
    summary:
      'Stop a session (its driver or access key, an operator of its company, an admin) and wait (≤ 10 s) for the StopTransaction: 200 with the final cost and — link sessions — the checkout link; 202 while STOPPING (the link follows: GET /payment/link/{sessionId})',
    response: StoppedView,
    errors: [404, 409, 429, 503],
  })
  async stop(
    @CurrentPayer() payer: Payer,
    @Body({ schema: StopBody }) b: z.infer<typeof StopBody>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const found = await this.sessions.access.find(payer, b.sessionId);
    const { view, pending } = await this.adhoc.stop(found.session, found.payer);
    if (pending) void reply.status(202);
    return view;
  }

  @Get(':id/receipt')
  @KeyHeader
  @Doc({
    summary:
      'The session’s receipt, as GET /sessions/{id}/receipt (the pricing engine’s lines, total, tax, captured; the cost so far while charging); for its driver or access key, its company’s operators, admins',
    response: ReceiptView,
    errors: [404, 409, 429],
  })
  receipt(@CurrentPayer() payer: Payer, @Param('id', { schema: SessionId }) id: string) {
    return this.sessions.receipt(payer, id);
  }

  @Get(':id')
  @KeyHeader
  @Doc({
    summary:
      'A session as GET /sessions/{id} shows it, with how it is paid (and its link); for its driver or access key, its company’s operators, admins',
    response: PayerSessionView,
    errors: [404, 429],
  })
  get(@CurrentPayer() payer: Payer, @Param('id', { schema: SessionId }) id: string) {
    return this.sessions.view(payer, id);
  }
}

/** Seed 000's payment-link routes. */
@ApiTags('charging')
@Controller('api/v1/payment')
export class PaymentLinksController {
  constructor(
    private readonly links: PaymentLinks,
    private readonly sessions: PayerSessions,
  ) {}

  @Get('link/:sessionId')
  @Public()
  @UseGuards(PayerRateLimit, PayerAuthGuard)
  @KeyHeader
  @Doc({
    summary:
      'A session’s payment links: the latest’s status (PENDING, PAID, FAILED, EXPIRED, REFUNDED, PARTIALLY_REFUNDED), URL and expiry, and every link, newest first; 404 `payment_link_not_found` before the first',
    response: PaymentLinkView,
    errors: [404, 429],
  })
  async link(@CurrentPayer() payer: Payer, @Param('sessionId', { schema: SessionId }) id: string) {
    await this.sessions.access.find(payer, id);
    return this.links.view(id);
  }

  @Post('recreate-link')
  @Public()
  @UseGuards(PayerRateLimit, PayerAuthGuard)
  @KeyHeader
  @Idempotent()
  @Doc({
    summary:
      'A new payment link when the latest expired or failed (an open one is expired at the provider first; `method` switches card ↔ crypto); 409 `payment_link_paid` once paid',
    status: 201,
    response: PaymentLinkView,
    errors: [404, 409, 429, 503],
  })
  async recreate(
    @CurrentPayer() payer: Payer,
    @Body({ schema: RecreateBody }) b: z.infer<typeof RecreateBody>,
  ) {
    const found = await this.sessions.access.find(payer, b.sessionId);
    return this.links.recreate(found.session, found.payer, b.method);
  }

  @Post('refund')
  @Roles('ADMIN')
  @Idempotent()
  @Doc({
    summary:
      'Refund a session’s collected payment (ADMIN): all of it, or `amount` minor units; the ledger entries are reversed when the provider confirms. Answers the link view (link sessions) or the session',
    response: z.union([PaymentLinkView, SessionView]),
    errors: [404, 409, 503],
  })
  refund(
    @CurrentUser() admin: UserRow,
    @Body({ schema: RefundBody }) b: z.infer<typeof RefundBody>,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.sessions.refund(admin, b, key);
  }
}
