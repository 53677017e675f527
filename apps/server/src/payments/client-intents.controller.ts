import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, type UserRow } from '../identity';
import { AppError } from '../platform/errors/app-error';
import { Doc } from '../platform/http/doc';
import { Idempotent } from '../platform/idempotency/idempotent.decorator';
import { toJsonNumber } from '../platform/money';
import { ClientIntents } from './client-intents';
import { INTENT_FIELDS, PayablesRegistry } from './payables-registry';
import { PaymentSync } from './payment-sync';
import { PAYMENT_STATUSES, type PaymentRow } from './payments.schema';

const Id = z.string().min(1).max(64);
const IntentIdParam = z.string().regex(/^pi_\w{1,200}$/, 'must be a payment intent id (pi_…)');
const CreateIntentBody = z
  .strictObject({ bookingId: Id.optional(), orderId: Id.optional() })
  .refine((b) => INTENT_FIELDS.filter((f) => b[f] !== undefined).length === 1, {
    message: 'Name exactly one payable: bookingId or orderId',
  });

const CreatedIntentView = z.object({
  clientSecret: z.string(),
  paymentIntentId: IntentIdParam,
  paymentId: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  status: z.enum(PAYMENT_STATUSES),
});
const IntentView = z.object({
  paymentIntentId: IntentIdParam,
  paymentId: z.string(),
  payableType: z.string(),
  payableId: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  status: z.enum(PAYMENT_STATUSES),
  amountReceived: z.number().int(),
  amountRefunded: z.number().int(),
  failureCode: z.string().nullable(),
  failureMessage: z.string().nullable(),
  declineCode: z.string().nullable(),
});

const intentView = (p: PaymentRow): z.infer<typeof IntentView> => ({
  paymentIntentId: p.providerIntentId!,
  paymentId: p.id,
  payableType: p.payableType,
  payableId: p.payableId,
  amount: toJsonNumber(p.amount),
  currency: p.currency,
  status: p.status,
  amountReceived: toJsonNumber(p.amountCaptured),
  amountRefunded: toJsonNumber(p.amountRefunded),
  failureCode: p.failureCode,
  failureMessage: p.failureMessage,
  declineCode: p.declineCode,
});

/**
 * Seed 004's payment intents: the payer's browser confirms the card with the client secret; the
 * payable (a booking; orders later) is told by the provider's webhook or a server-side read only.
 */
@ApiTags('payments')
@Controller('api/v1/payments')
export class ClientIntentsController {
  constructor(
    private readonly intents: ClientIntents,
    private readonly registry: PayablesRegistry,
    private readonly sync: PaymentSync,
  ) {}

  @Post('create-intent')
  @Idempotent()
  @Doc({
    summary:
      'A payment intent for your booking (or order), confirmed by your browser with the client secret; the amount is the payable’s. Again: the same open intent, or a new one if the amount changed (the old one cancelled)',
    status: 201,
    response: CreatedIntentView,
    errors: [404, 409],
  })
  async create(
    @CurrentUser() user: UserRow,
    @Body({ schema: CreateIntentBody }) b: z.infer<typeof CreateIntentBody>,
  ) {
    const field = INTENT_FIELDS.find((f) => b[f] !== undefined)!;
    const source = this.registry.intentSource(field);
    if (!source) {
      throw AppError.validation(`Paying by intent is not available for ${field}`, field);
    }
    const id = b[field]!;
    const quote = await source.quote(user, id);
    const { payment, clientSecret } = await this.intents.open({
      payable: { type: source.type, id },
      user,
      amount: quote.amount,
      currency: quote.currency,
      description: quote.description,
    });
    return {
      clientSecret,
      paymentIntentId: payment.providerIntentId!,
      paymentId: payment.id,
      amount: toJsonNumber(payment.amount),
      currency: payment.currency,
      status: payment.status,
    };
  }

  @Get('intent/:id')
  @Doc({
    summary:
      'A payment intent of yours as the provider has it now (read server-side, so its payable follows)',
    response: IntentView,
  })
  async read(@CurrentUser() user: UserRow, @Param('id', { schema: IntentIdParam }) id: string) {
    const p = await this.intents.forIntent(id, user);
    return intentView(await this.sync.sync(p.id, 'api'));
  }
}
