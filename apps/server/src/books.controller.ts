import { Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { checkBooks } from './books';
import { Roles } from './identity';
import { Clock } from './platform/clock';
import { Database } from './platform/database/database';
import { Doc } from './platform/http/doc';
import { enforceRateLimits, RateLimiter } from './platform/rate-limit/rate-limiter';

/**
 * Runs are shared by every admin (the check reads every journal line and balance in one
 * snapshot): a few a minute answer any real need and keep a stuck button from loading the database.
 */
export const LEDGER_CHECKS_PER_MINUTE = 6;
/** Rows named per broken invariant; the count says how many there were in all. */
const MAX_DETAILS = 50;

const LedgerCheckView = z.object({
  ranAt: z.string(),
  durationMs: z.number().int(),
  passed: z.boolean(),
  invariants: z.array(
    z.object({
      invariant: z.string(),
      passed: z.boolean(),
      violationCount: z.number().int(),
      /** The first violations, in words (at most 50). */
      violations: z.array(z.string()),
    }),
  ),
});

/**
 * The admin's ledger check: the invariant registry `npm run ledger:verify` runs (src/books.ts),
 * here at the composition root because the registry spans the modules that book money.
 */
@ApiTags('admin')
@Controller('api/v1/admin/ledger')
export class BooksController {
  constructor(
    private readonly database: Database,
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
  ) {}

  @Post('check')
  @Roles('ADMIN')
  @Doc({
    summary: `Check every invariant of the books now (as npm run ledger:verify does), each with its result; at most ${LEDGER_CHECKS_PER_MINUTE} runs a minute for all admins (admin)`,
    response: LedgerCheckView,
    errors: [429],
  })
  async check(): Promise<z.infer<typeof LedgerCheckView>> {
    await enforceRateLimits(this.limiter, [
      { key: 'ledger-check', limit: LEDGER_CHECKS_PER_MINUTE, windowSeconds: 60 },
    ]);
    const ranAt = this.clock.now();
    const started = performance.now();
    const results = await checkBooks(this.database.pool);
    return {
      ranAt: ranAt.toISOString(),
      durationMs: Math.round(performance.now() - started),
      passed: results.every((r) => r.violations.length === 0),
      invariants: results.map((r) => ({
        invariant: r.invariant,
        passed: r.violations.length === 0,
        violationCount: r.violations.length,
        violations: r.violations.slice(0, MAX_DETAILS),
      })),
    };
  }
}
