import { expect } from 'vitest';
import {
  Body,
  Controller,
  Injectable,
  Module,
  type OnModuleInit,
  Param,
  Post,
} from '@nestjs/common';
import { z } from 'zod';
import { CurrentUser } from '../../src/identity/auth.decorators';
import type { UserRow } from '../../src/identity/identity.schema';
import { PayablesRegistry, type PaymentDomainEvent } from '../../src/payments/payables-registry';
import { PaymentsModule } from '../../src/payments/payments.module';
import { PaymentsService, requireCollected } from '../../src/payments/payments.service';
import { toPaymentView } from '../../src/payments/payments.view';
import type { Clock } from '../../src/platform/clock';
import { bootTestApp, client, promote, register, type TestApp } from '../helpers';

/**
 * A stand-in payable ('test') for exercising the core before real payables exist: it records every
 * domain event it is told, inside the payment's transaction, and exposes the core over HTTP.
 */
export const told: PaymentDomainEvent[] = [];

@Injectable()
class TestPayable implements OnModuleInit {
  constructor(private readonly registry: PayablesRegistry) {}
  onModuleInit() {
    this.registry.register('test', async (_tx, event) => {
      told.push(event);
      return Promise.resolve();
    });
  }
}

const CardBody = z.strictObject({
  paymentMethodId: z.string(),
  amount: z.number().int().positive(),
  currency: z.string().default('eur'),
  captureMethod: z.enum(['AUTOMATIC', 'MANUAL']).optional(),
  incrementalAuthorization: z.boolean().optional(),
  offSession: z.boolean().optional(),
  payableId: z.string().default('t1'),
});
const LinkBody = z.strictObject({
  amount: z.number().int().positive(),
  currency: z.string().default('usd'),
  method: z.enum(['CARD_LINK', 'CRYPTO_LINK']).default('CARD_LINK'),
  payableId: z.string().default('t1'),
});
const CaptureBody = z.strictObject({ amount: z.number().int().positive().optional() });
const IncrementBody = z.strictObject({ amount: z.number().int().positive() });

@Controller('test/payments')
class TestPaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post('card')
  async card(
    @CurrentUser() user: UserRow,
    @Body({ schema: CardBody }) b: z.infer<typeof CardBody>,
  ) {
    const p = await this.payments.payByCard({
      payable: { type: 'test', id: b.payableId },
      user,
      amount: BigInt(b.amount),
      currency: b.currency,
      paymentMethodId: b.paymentMethodId,
      captureMethod: b.captureMethod,
      incrementalAuthorization: b.incrementalAuthorization,
      offSession: b.offSession,
    });
    return toPaymentView(requireCollected(p));
  }

  @Post('link')
  async link(
    @CurrentUser() user: UserRow,
    @Body({ schema: LinkBody }) b: z.infer<typeof LinkBody>,
  ) {
    const p = await this.payments.payByLink({
      payable: { type: 'test', id: b.payableId },
      user,
      amount: BigInt(b.amount),
      currency: b.currency,
      method: b.method,
      productName: 'Test item',
      // No URLs: the payment's own return page (a URL off our origins would be refused).
    });
    return toPaymentView(p);
  }

  @Post(':id/capture')
  async capture(
    @Param('id') id: string,
    @Body({ schema: CaptureBody }) b: z.infer<typeof CaptureBody>,
  ) {
    return toPaymentView(
      await this.payments.capture(id, b.amount === undefined ? undefined : BigInt(b.amount)),
    );
  }

  @Post(':id/increment')
  async increment(
    @Param('id') id: string,
    @Body({ schema: IncrementBody }) b: z.infer<typeof IncrementBody>,
  ) {
    return toPaymentView(await this.payments.incrementAuthorization(id, BigInt(b.amount)));
  }

  @Post(':id/cancel')
  async cancel(@Param('id') id: string) {
    return toPaymentView(await this.payments.cancel(id));
  }
}

@Module({
  imports: [PaymentsModule],
  controllers: [TestPaymentsController],
  providers: [TestPayable],
})
class TestPayableModule {}

export interface PaymentsHarness {
  app: TestApp;
  api: ReturnType<typeof client>;
  sandbox: string;
  user: { accessToken: string; user: { id: string } };
  admin: { accessToken: string; user: { id: string } };
  /** POST to a sandbox control. */
  control(path: string, body?: Record<string, unknown>): Promise<unknown>;
}

export async function paymentsHarness(
  env: Record<string, string> = {},
  opts: { clock?: Clock } = {},
): Promise<PaymentsHarness> {
  const app = await bootTestApp(
    { JOBS_POLL_INTERVAL_SECONDS: '0.5', ...env },
    { extraModules: [TestPayableModule], ...opts },
  );
  const api = client(app.url);
  const user = await register(api);
  const admin = await register(api);
  await promote(app, admin.user.id, 'ADMIN');
  const sandbox = app.running.sandboxUrl!;
  return {
    app,
    api,
    sandbox,
    user,
    admin,
    control: async (path, body = {}) => {
      const res = await fetch(`${sandbox}/_sandbox/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`sandbox control ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
  };
}

/** Polls until `check` stops throwing (webhooks and jobs are asynchronous). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Waits until every webhook the app stored is applied: a payable handler that throws leaves its
 * event unapplied (and retried), which balances alone would not show.
 */
export function allWebhooksApplied(app: TestApp): Promise<void> {
  return eventually(async () => {
    const { rows } = await app.runtime.database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM webhook_events WHERE processed_at IS NULL`,
    );
    expect(rows[0]!.n).toBe(0);
  });
}
