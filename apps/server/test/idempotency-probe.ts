import {
  Body,
  Controller,
  type DynamicModule,
  HttpCode,
  Inject,
  Module,
  Post,
} from '@nestjs/common';
import { z } from 'zod';
import { CurrentUser, Public } from '../src/identity/auth.decorators';
import type { UserRow } from '../src/identity/identity.schema';
import { Database } from '../src/platform/database/database';
import { AppError } from '../src/platform/errors/app-error';
import { Idempotent } from '../src/platform/idempotency/idempotent.decorator';

/**
 * A test-only "money-moving" route for the idempotency tests (no real one exists yet). Each run
 * inserts a row into `probe_runs` — a real write the tests count — and can be held on a gate,
 * declined (402), crash (500) or be slow.
 */
export const PROBE_TABLE_SQL = `CREATE TABLE IF NOT EXISTS probe_runs (
  id bigserial PRIMARY KEY, scope text NOT NULL, amount bigint NOT NULL)`;

/** Lets a test hold handlers mid-run and know when one has started. */
export class ProbeGate {
  private opened!: Promise<void>;
  private open!: () => void;
  private enteredWaiters: (() => void)[] = [];

  constructor() {
    this.close();
  }

  /** Handlers sent with `hold: true` wait until `release()`. */
  close(): void {
    this.opened = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open();
  }

  /** Resolves when the next held handler has started (and written its row). */
  nextEntered(): Promise<void> {
    return new Promise((resolve) => this.enteredWaiters.push(resolve));
  }

  async hold(): Promise<void> {
    this.enteredWaiters.splice(0).forEach((resolve) => resolve());
    await this.opened;
  }
}

const ChargeBody = z.strictObject({
  amount: z.number().int().nonnegative(),
  hold: z.boolean().optional(),
  delayMs: z.number().int().min(0).max(2000).optional(),
  outcome: z.enum(['ok', 'declined', 'crash']).optional(),
});
type ChargeBody = z.infer<typeof ChargeBody>;

@Controller('test/probe')
class ProbeController {
  constructor(
    private readonly database: Database,
    @Inject(ProbeGate) private readonly gate: ProbeGate,
  ) {}

  @Post('charges')
  @Idempotent()
  charge(@CurrentUser() user: UserRow, @Body({ schema: ChargeBody }) body: ChargeBody) {
    return this.run(user.id, body);
  }

  @Post('captures')
  @HttpCode(200)
  @Idempotent({ required: true })
  capture(@CurrentUser() user: UserRow, @Body({ schema: ChargeBody }) body: ChargeBody) {
    return this.run(user.id, body);
  }

  @Post('donations')
  @Public()
  @Idempotent()
  donate(@Body({ schema: ChargeBody }) body: ChargeBody) {
    return this.run('public', body);
  }

  private async run(scope: string, body: ChargeBody) {
    const { rows } = await this.database.pool.query<{ id: bigint }>(
      'INSERT INTO probe_runs (scope, amount) VALUES ($1, $2) RETURNING id',
      [scope, body.amount],
    );
    if (body.hold) await this.gate.hold();
    if (body.delayMs) await new Promise((resolve) => setTimeout(resolve, body.delayMs));
    switch (body.outcome ?? 'ok') {
      case 'declined':
        throw new AppError('payment_required', 'card_declined', 'Your card was declined', {
          declineCode: 'insufficient_funds',
        });
      case 'crash':
        throw new Error('the provider connection broke');
      case 'ok':
        break;
    }
    // A bigint (as money columns come back) beyond 2^53, and keys not in sorted order.
    return {
      run: rows[0]!.id,
      scope,
      amountMinor: BigInt(body.amount) * 10n ** 18n,
      at: new Date(0),
    };
  }
}

export function probeModule(gate: ProbeGate): DynamicModule {
  @Module({})
  class ProbeModule {}
  return {
    module: ProbeModule,
    controllers: [ProbeController],
    providers: [{ provide: ProbeGate, useValue: gate }],
  };
}
