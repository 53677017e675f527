import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
  type RawBodyRequest,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CurrentUser, Public, Roles, type UserRow } from '../identity';
import { AppError } from '../platform/errors/app-error';
import { Doc } from '../platform/http/doc';
import { pageSchema } from '../platform/http/pagination';
import { SavedCards } from './saved-cards';
import { PaymentListQuery, PaymentsQuery } from './payments.query';
import { PaymentsService } from './payments.service';
import { PaymentView, RefundView, toPaymentView, toRefundView } from './payments.view';
import { SignedRawBody } from '../platform/http/input-guard';
import { Idempotent } from '../platform/idempotency/idempotent.decorator';
import { AmountSchema } from '../platform/money';
import { PaymentReturns } from './payment-returns';
import { ProviderAudit } from './provider-audit';
import { Reconciler } from './reconciler';
import { ReturnLinks } from './return-links';
import { ReturnRateLimit } from './return-rate-limit.guard';
import { WebhookIntake } from './webhook-intake';

const Id = z.string().min(1).max(64);
const SaveCardBody = z.strictObject({
  paymentMethodId: z.string().regex(/^pm_\w{1,200}$/, 'must be a payment method id (pm_…)'),
});
const SaveCardView = z.object({
  setupIntentId: z.string(),
  status: z.string(),
  nextActionUrl: z.string().nullable(),
});
const SavedCard = z.object({
  id: z.string(),
  brand: z.string(),
  last4: z.string(),
  expMonth: z.number(),
  expYear: z.number(),
});
const SetupIntentId = z.string().regex(/^seti_\w{1,200}$/, 'must be a setup intent id (seti_…)');
const Received = z.object({ received: z.literal(true) });
// Lenient on purpose: a missing or malformed token is answered like a wrong one (404), and the
// provider appends its own parameters (payment_intent, redirect_status, …) to return URLs.
const Token = z.string().max(200).optional();
const ReturnQuery = z.object({ token: Token });
const SetupReturnQuery = z.object({
  user: z.string().max(64).optional(),
  token: Token,
  setup_intent: z.string().max(255).optional(),
});
const SetupOutcomeView = z.object({
  setupIntentId: z.string(),
  status: z.string(),
  paymentMethodId: z.string().nullable(),
  failureCode: z.string().nullable(),
  failureMessage: z.string().nullable(),
});

/** What a frame coming back from 3-D Secure shows until the app that framed it removes it. */
const FRAMED_DONE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authentication finished</title></head>
<body style="font-family:system-ui,sans-serif"><p>Authentication finished. The page goes on by itself.</p></body></html>`;

/**
 * A browser coming back from 3-D Secure (it asks for HTML) is sent on to the web app's page for
 * what it did; an API client gets the JSON. The target is a path on our own origin built here,
 * never one a client chose: no open redirect. In the app's own frame (`Sec-Fetch-Dest: iframe`) a
 * static page instead: the app must not boot a second time inside itself (it would rotate the
 * tab's single-use refresh token behind the framing page's back); the framing page polls.
 */
function answerBrowser(
  reply: FastifyReply,
  headers: { accept?: string; 'sec-fetch-dest'?: string },
  view: object,
  webPath: string,
) {
  if (!headers.accept?.includes('text/html')) return reply.send(view);
  if (headers['sec-fetch-dest'] === 'iframe')
    return reply.type('text/html; charset=utf-8').send(FRAMED_DONE_PAGE);
  return reply.redirect(webPath, 303);
}

@ApiTags('payments')
@Controller('api/v1/payments')
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly query: PaymentsQuery,
    private readonly savedCards: SavedCards,
    private readonly returns: PaymentReturns,
    private readonly links: ReturnLinks,
  ) {}

  @Get()
  @Roles('ADMIN')
  @Doc({
    summary: 'All payments (admin): filter by status, method, payable and date',
    response: pageSchema(PaymentView),
  })
  list(@Query({ schema: PaymentListQuery }) q: PaymentListQuery) {
    return this.query.list(q);
  }

  @Post('methods')
  @Doc({
    summary:
      'Save a card (a pm_… token from the provider) for later off-session payments; `REQUIRES_ACTION`: send the user to `nextActionUrl` (3-D Secure), which returns to /payments/methods/return',
    status: 201,
    response: SaveCardView,
  })
  saveCard(
    @CurrentUser() user: UserRow,
    @Body({ schema: SaveCardBody }) body: z.infer<typeof SaveCardBody>,
  ) {
    return this.savedCards.saveCard(user, body.paymentMethodId, this.links.setupReturn(user.id));
  }

  /** Where the browser lands after a card setup's 3-D Secure: the setup's outcome. */
  @Public()
  @UseGuards(ReturnRateLimit)
  @Get('methods/return')
  @Doc({
    summary:
      "Return target after a card setup needed 3-D Secure (link from POST /payments/methods): the setup outcome (a browser asking for HTML is redirected to the web app's cards page)",
    response: SetupOutcomeView,
  })
  async setupReturned(
    @Query({ schema: SetupReturnQuery }) q: z.infer<typeof SetupReturnQuery>,
    @Headers() headers: Record<string, string | undefined>,
    @Res() reply: FastifyReply,
  ) {
    const si = q.setup_intent ?? '';
    if (!q.user || !/^seti_\w{1,200}$/.test(si) || !this.links.verify('setup', q.user, q.token))
      throw AppError.notFound('setup intent', si || undefined);
    const outcome = await this.savedCards.setupOutcome(q.user, si);
    // The id, not the outcome: the read is throttled, so the page reads it again until it is final.
    return answerBrowser(reply, headers, outcome, `/cards?setup=${encodeURIComponent(si)}`);
  }

  /** A card setup of the signed-in user, read from the provider (polled while 3-D Secure runs). */
  @Get('methods/setups/:id')
  @Doc({
    summary: 'One of your card setups (from POST /payments/methods), as the provider has it',
    response: SetupOutcomeView,
  })
  setup(@CurrentUser() user: UserRow, @Param('id', { schema: SetupIntentId }) id: string) {
    return this.savedCards.setupOutcome(user.id, id);
  }

  @Get('methods')
  @Doc({
    summary: "The signed-in user's saved cards",
    response: z.object({ data: z.array(SavedCard) }),
  })
  async cards(@CurrentUser() user: UserRow) {
    return { data: await this.savedCards.listCards(user.id) };
  }

  @Delete('methods/:id')
  @Doc({ summary: 'Remove one of your saved cards', status: 204 })
  async removeCard(@CurrentUser() user: UserRow, @Param('id', { schema: Id }) id: string) {
    await this.savedCards.removeCard(user.id, id);
  }

  @Get(':id')
  @Doc({ summary: 'A payment: its owner or an admin', response: PaymentView })
  async get(@CurrentUser() user: UserRow, @Param('id', { schema: Id }) id: string) {
    const p = await this.payments.get(id).catch(() => undefined);
    // Someone else's payment is indistinguishable from a missing one.
    if (!p || (user.role !== 'ADMIN' && p.userId !== user.id))
      throw AppError.notFound('payment', id);
    return toPaymentView(p);
  }

  /**
   * Where the browser lands after 3-D Secure (or a hosted page without its own return URLs): we
   * read the provider rather than trust the redirect. Only the link's token opens it.
   */
  @Public()
  @UseGuards(ReturnRateLimit)
  @Get(':id/return')
  @Doc({
    summary:
      "Return target after 3-D Secure (the link carries its token): the payment, read from the provider at most every few seconds (a browser asking for HTML is redirected to the web app's payment page)",
    response: z.object({ id: z.string(), status: z.string() }),
  })
  async returned(
    @Param('id', { schema: Id }) id: string,
    @Query({ schema: ReturnQuery }) q: z.infer<typeof ReturnQuery>,
    @Headers() headers: Record<string, string | undefined>,
    @Res() reply: FastifyReply,
  ) {
    if (!this.links.verify('payment', id, q.token)) throw AppError.notFound('payment', id);
    const p = await this.returns.refresh(id);
    return answerBrowser(
      reply,
      headers,
      { id: p.id, status: p.status },
      `/payments/${encodeURIComponent(p.id)}`,
    );
  }
}

@ApiTags('payments')
@Controller()
export class WebhooksController {
  constructor(private readonly webhooks: WebhookIntake) {}

  // The three paths the seeds use (002, 000, 003) are one handler.
  @Public()
  @SignedRawBody()
  @Post(['api/v1/webhooks/stripe', 'api/v1/stripe/webhook', 'api/v1/payments/webhook'])
  @Doc({
    summary: 'Stripe webhooks: signature checked, stored once, applied by a job',
    response: Received,
  })
  receive(
    @Req() req: RawBodyRequest<FastifyRequest>,
    @Headers('stripe-signature') signature?: string,
  ) {
    return this.webhooks.receive(req.rawBody, signature);
  }
}

const RefundBody = z.strictObject({
  amount: AmountSchema.optional(),
  reason: z.string().trim().min(1).max(500).optional(),
  /**
   * Refund even what the payable can no longer give back (a wallet deposit already spent): the
   * wallet is debited into debt. Without it such a refund is refused (402).
   */
  force: z.boolean().optional(),
});

const AuditReportView = z.object({
  ranAt: z.string(),
  checked: z.number().int(),
  errors: z.number().int(),
  differences: z.array(
    z.object({
      paymentId: z.string(),
      field: z.enum(['captured', 'refunded', 'disputed']),
      recorded: z.string(),
      provider: z.string(),
    }),
  ),
});

@ApiTags('payments')
@Controller('api/v1/admin/payments')
export class PaymentsAdminController {
  constructor(
    private readonly reconciliation: Reconciler,
    private readonly payments: PaymentsService,
    private readonly audits: ProviderAudit,
  ) {}

  @Post(':id/refund')
  @Roles('ADMIN')
  @Idempotent()
  @Doc({
    summary: 'Refund part (amount) or all of what is left of a payment (admin)',
    status: 201,
    response: RefundView,
  })
  async refund(
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: RefundBody }) body: z.infer<typeof RefundBody>,
    @Headers('idempotency-key') requestKey: string | undefined,
  ) {
    const amount = body.amount === undefined ? undefined : BigInt(body.amount);
    return toRefundView(
      await this.payments.refund(id, amount, body.reason, { force: body.force, requestKey }),
    );
  }

  @Post('reconcile')
  @Roles('ADMIN')
  @Doc({ summary: 'Run reconciliation now (it also runs every minute)' })
  reconcile() {
    return this.reconciliation.run();
  }

  @Post('audit')
  @Roles('ADMIN')
  @Doc({
    summary:
      'Compare recent payments with the provider (captured, refunded, disputed) now; differences are named and the provider applied (also hourly)',
    response: AuditReportView,
  })
  audit() {
    return this.audits.run();
  }

  @Get('audit')
  @Roles('ADMIN')
  @Doc({
    summary: "This node's last provider audit report (404 before its first run)",
    response: AuditReportView,
  })
  lastAudit() {
    const report = this.audits.lastReport();
    if (!report) throw AppError.notFound('audit report');
    return report;
  }
}
