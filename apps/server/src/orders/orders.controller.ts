import { Body, Controller, Get, Headers, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { MAX_UNITS } from '../catalog';
import { CurrentUser, Public, Roles, type UserRow } from '../identity';
import { PaymentReturns, ReturnLinks, ReturnRateLimit } from '../payments';
import { Doc } from '../platform/http/doc';
import { PageQuery, pageSchema } from '../platform/http/pagination';
import { Idempotent } from '../platform/idempotency/idempotent.decorator';
import { AppError } from '../platform/errors/app-error';
import { AmountSchema } from '../platform/money';
import { Database } from '../platform/database/database';
import { EarningsQuery, EarningsView, MerchantEarnings } from './merchant-earnings';
import { UnlinkedOrders } from './unlinked-orders';
import { OrderRefunds } from './order-refunds';
import { OrdersQuery } from './orders.query';
import { ORDER_PAYMENT_METHODS, ORDER_STATUSES } from './orders.schema';
import { OrdersService } from './orders.service';
import { CreatedOrderView, OrderView, toOrderView } from './orders.view';

const Id = z.string().min(1).max(64);
const CreateBody = z.strictObject({
  productId: Id,
  quantity: z.number().int().min(1).max(MAX_UNITS).default(1),
  paymentMethod: z.enum(ORDER_PAYMENT_METHODS),
});
const RefundBody = z.strictObject({
  amount: AmountSchema.optional(),
  restock: z.boolean().optional(),
});
const ListQuery = PageQuery.extend({
  as: z.enum(['buyer', 'merchant']).optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
// Lenient: a missing or malformed order or token is answered like a wrong token (404).
const ReturnQuery = z.object({
  order: z.string().max(64).optional(),
  token: z.string().max(200).optional(),
});
const ReturnView = z.object({ orderId: z.string(), status: z.enum(ORDER_STATUSES) });

@ApiTags('orders')
@Controller('api/v1/orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly query: OrdersQuery,
    private readonly refunds: OrderRefunds,
    private readonly unlinked: UnlinkedOrders,
    private readonly earnings: MerchantEarnings,
  ) {}

  @Post()
  @Idempotent({ required: true })
  @Doc({
    summary:
      'Buy a product: WALLET pays at once (402 insufficient_funds, 409 out_of_stock); GATEWAY answers a checkoutUrl to pay on',
    status: 201,
    response: CreatedOrderView,
    errors: [402, 409, 429, 503],
  })
  async create(
    @CurrentUser() user: UserRow,
    @Body({ schema: CreateBody }) b: z.infer<typeof CreateBody>,
    @Headers('idempotency-key') key: string,
  ) {
    const { order, checkoutUrl } = await this.orders.create(user, { ...b, idempotencyKey: key });
    return { ...toOrderView(order), checkoutUrl };
  }

  @Get()
  @Doc({
    summary:
      'Your orders, newest first (`as=merchant`: your sales; `from`/`to`: placed in [from, to))',
    response: pageSchema(OrderView),
  })
  list(@CurrentUser() user: UserRow, @Query({ schema: ListQuery }) q: z.infer<typeof ListQuery>) {
    return this.query.list(user, q);
  }

  @Get('earnings')
  @Roles('MERCHANT', 'ADMIN')
  @Doc({
    summary:
      'Your net earnings per day and currency from your sales (`from`/`to`: calendar days, inclusive, in `timeZone`; default the last 30)',
    response: EarningsView,
  })
  earningsOf(
    @CurrentUser() user: UserRow,
    @Query({ schema: EarningsQuery }) q: z.infer<typeof EarningsQuery>,
  ) {
    return this.earnings.of(user.id, q);
  }

  @Get(':id')
  @Doc({ summary: 'One order (its buyer, the merchant, or an admin)', response: OrderView })
  async get(@CurrentUser() user: UserRow, @Param('id', { schema: Id }) id: string) {
    return toOrderView(await this.unlinked.linked(await this.query.visible(user, id)));
  }

  @Post(':id/refund')
  @Idempotent()
  @Doc({
    summary:
      'Refund all or part of an order (merchant or admin); `restock` gives its units back once',
    status: 201,
    response: OrderView,
  })
  async refund(
    @CurrentUser() user: UserRow,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: RefundBody }) b: z.infer<typeof RefundBody>,
  ) {
    const amount = b.amount === undefined ? undefined : BigInt(b.amount);
    return toOrderView(await this.refunds.refund(user, id, { amount, restock: b.restock }));
  }
}

/**
 * Where the hosted checkout sends the buyer back. Public, so each link proves itself: `token` is
 * the order's return token (ReturnLinks), minted only into the checkout's own URLs; anything else
 * is a 404 that says nothing about whether the order exists. Rate-limited per IP, and the provider
 * is read at most once per payment every few seconds (PaymentReturns).
 */
@ApiTags('orders')
@Controller('api/v1/payments')
@UseGuards(ReturnRateLimit)
export class OrderReturnsController {
  constructor(
    private readonly database: Database,
    private readonly query: OrdersQuery,
    private readonly returns: PaymentReturns,
    private readonly links: ReturnLinks,
    private readonly unlinked: UnlinkedOrders,
  ) {}

  private async show(q: z.infer<typeof ReturnQuery>, cancelled: boolean) {
    const orderId = q.order ?? '';
    const found =
      orderId && this.links.verify('order', orderId, q.token)
        ? await this.query.find(this.database.db, orderId)
        : undefined;
    if (!found) throw AppError.notFound('order', orderId || undefined);
    const order = await this.unlinked.linked(found);
    if (order.paymentId) {
      // "Cancel and return": the buyer gave up, so the checkout ends now and the units go back
      // (through the payment's expiry and the order's payable), not in ORDER_CHECKOUT_EXPIRY_SECONDS.
      if (cancelled && order.status === 'PAYMENT_PROCESSING')
        await this.returns.expireLink(order.paymentId);
      else await this.returns.refresh(order.paymentId);
    }
    const now = (await this.query.find(this.database.db, orderId))!;
    return { orderId: now.id, status: now.status };
  }

  /**
   * A browser coming back from the hosted page (it asks for HTML) is sent on to the web app's order
   * page, which shows the state read here; an API client gets that state as JSON.
   */
  private async answer(
    q: z.infer<typeof ReturnQuery>,
    outcome: 'success' | 'cancel',
    accept: string | undefined,
    reply: FastifyReply,
  ) {
    const view = await this.show(q, outcome === 'cancel');
    if (!accept?.includes('text/html')) return reply.send(view);
    return reply.redirect(`/orders/${encodeURIComponent(view.orderId)}?checkout=${outcome}`, 303);
  }

  @Public()
  @Get('success')
  @Doc({
    summary:
      "Checkout success redirect (link with its token): the order and its state (a browser asking for HTML is redirected to the web app's order page)",
    response: ReturnView,
  })
  success(
    @Query({ schema: ReturnQuery }) q: z.infer<typeof ReturnQuery>,
    @Headers('accept') accept: string | undefined,
    @Res() reply: FastifyReply,
  ) {
    return this.answer(q, 'success', accept, reply);
  }

  @Public()
  @Get('cancel')
  @Doc({
    summary:
      "Checkout cancel redirect (link with its token): expires the checkout and releases the order (CANCELLED) unless it was paid (a browser asking for HTML is redirected to the web app's order page)",
    response: ReturnView,
  })
  cancel(
    @Query({ schema: ReturnQuery }) q: z.infer<typeof ReturnQuery>,
    @Headers('accept') accept: string | undefined,
    @Res() reply: FastifyReply,
  ) {
    return this.answer(q, 'cancel', accept, reply);
  }
}
