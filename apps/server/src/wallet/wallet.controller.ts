import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type UserRow } from '../identity';
import type { LedgerAccountRow } from '../ledger';
import { PaymentView, toPaymentView, RedirectUrl } from '../payments';
import { Doc } from '../platform/http/doc';
import { PageQuery, pageSchema, toPage } from '../platform/http/pagination';
import { AmountSchema, CurrencySchema, toJsonNumber } from '../platform/money';
import { Idempotent } from '../platform/idempotency/idempotent.decorator';
import { HistoryQuery, WalletHistory, WalletTransaction } from './wallet-history';
import { DEFAULT_CURRENCY, WalletService, type WalletBalances } from './wallet.service';
import { WITHDRAWAL_STATUSES, type WithdrawalRow } from './wallet.schema';

const Currency = CurrencySchema.default(DEFAULT_CURRENCY);
const Amount = AmountSchema;
// http(s) only; the origin is checked against the allow-list where the checkout is made.
const Url = RedirectUrl;

const DepositBody = z.strictObject({
  amount: Amount,
  currency: Currency,
  paymentMethodId: z
    .string()
    .regex(/^pm_\w{1,200}$/, 'must be a payment method id (pm_…)')
    .optional(),
  successUrl: Url.optional(),
  cancelUrl: Url.optional(),
});
/** A Stripe connected account id; which one a user may use is checked against their own. */
const AccountId = z
  .string()
  .trim()
  .regex(/^acct_[A-Za-z0-9]{1,64}$/, 'must be a connected account id (acct_…)');
const WithdrawBody = z.strictObject({
  amount: Amount,
  currency: Currency,
  /** Optional: defaults to the user's payout account, and may only name that account. */
  destination: AccountId.optional(),
});
const PayoutAccountView = z.object({ accountId: z.string() });
const PayoutAccountStatusView = z.object({
  /** Null before the first onboarding link created it. */
  accountId: z.string().nullable(),
  /** not_started: no account yet; pending: onboarding not finished; active: withdrawals allowed. */
  status: z.enum(['not_started', 'pending', 'active']),
  /** What the provider still needs from you (its requirement names). */
  currentlyDue: z.array(z.string()),
});
const OnboardingLinkView = z.object({ url: z.string(), expiresAt: z.string() });
const NoBody = z.strictObject({}).optional();
const CurrencyQuery = z.strictObject({ currency: Currency });
const OwnerQuery = PageQuery.extend({ ownerId: z.string().min(1).max(64) });
const WithdrawalsQuery = PageQuery.extend({ currency: CurrencySchema.optional() });

const WalletView = z.object({
  id: z.string(),
  ownerId: z.string(),
  type: z.enum(['USER_WALLET', 'MERCHANT_WALLET']),
  /** Everything booked to the wallet; below zero when a dispute took back money already spent. */
  balance: z.number().int(),
  /** Recent card deposits, spendable but not yet withdrawable (WALLET_SETTLEMENT_SECONDS). */
  pending: z.number().int(),
  /** What may be withdrawn now. */
  available: z.number().int(),
  /** What the owner owes (−balance when negative, else 0); withdrawals wait until it is repaid. */
  debt: z.number().int(),
  currency: z.string(),
  isLocked: z.boolean(),
});
const WithdrawalView = z.object({
  id: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  destination: z.string(),
  status: z.enum(WITHDRAWAL_STATUSES),
  failureReason: z.string().nullable(),
  /** Why a PENDING withdrawal waits (balance_insufficient, provider_unavailable); null otherwise. */
  waitingReason: z.string().nullable(),
  /** What the provider reversed of the payout, already back on the wallet. */
  amountReversed: z.number().int(),
  createdAt: z.string(),
});

const toWalletView = (
  a: LedgerAccountRow,
  b: Omit<WalletBalances, 'account'> = { pending: 0n, available: 0n },
): z.infer<typeof WalletView> => ({
  id: a.id,
  ownerId: a.ownerId ?? '',
  type: a.type as 'USER_WALLET' | 'MERCHANT_WALLET',
  balance: toJsonNumber(a.balance),
  pending: toJsonNumber(b.pending),
  available: toJsonNumber(b.available),
  debt: toJsonNumber(a.balance < 0n ? -a.balance : 0n),
  currency: a.currency,
  isLocked: a.isLocked,
});

const toWithdrawalView = (p: WithdrawalRow): z.infer<typeof WithdrawalView> => ({
  id: p.id,
  amount: toJsonNumber(p.amount),
  currency: p.currency,
  destination: p.destination,
  status: p.status,
  failureReason: p.failureReason,
  waitingReason: p.status === 'PENDING' ? p.waitingReason : null,
  amountReversed: toJsonNumber(p.amountReversed),
  createdAt: p.createdAt.toISOString(),
});

@ApiTags('wallet')
@Controller('api/v1/wallet')
export class WalletController {
  constructor(
    private readonly wallets: WalletService,
    private readonly history: WalletHistory,
  ) {}

  @Get()
  @Doc({
    summary: 'Your wallet: balance, pending, available and debt, in minor units',
    response: WalletView,
  })
  async get(
    @CurrentUser() user: UserRow,
    @Query({ schema: CurrencyQuery }) q: z.infer<typeof CurrencyQuery>,
  ) {
    const { account, ...balances } = await this.wallets.balances(user, q.currency);
    return toWalletView(account, balances);
  }

  @Get('transactions')
  @Doc({
    summary: 'Your wallet history (from the journal), newest first',
    response: pageSchema(WalletTransaction),
  })
  async transactions(
    @CurrentUser() user: UserRow,
    @Query({ schema: HistoryQuery.extend({ currency: Currency }) })
    q: HistoryQuery & { currency: string },
  ) {
    const account = await this.wallets.account(user, q.currency);
    return this.history.list(account.id, q);
  }

  @Post('deposit')
  @Idempotent()
  @Doc({
    summary:
      'Add funds by card (paymentMethodId) or on a hosted page; credited when the payment succeeds',
    status: 201,
    response: PaymentView,
  })
  async deposit(
    @CurrentUser() user: UserRow,
    @Body({ schema: DepositBody }) b: z.infer<typeof DepositBody>,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return toPaymentView(
      await this.wallets.deposit(user, { ...b, amount: BigInt(b.amount), requestKey: key }),
    );
  }

  @Post('payout-account')
  @Doc({
    summary:
      'Create your payout account (a Stripe Connect Express account) once; later calls return it',
    status: 201,
    response: PayoutAccountView,
  })
  async createPayoutAccount(
    @CurrentUser() user: UserRow,
    @Body({ schema: NoBody }) _b: z.infer<typeof NoBody>,
  ) {
    const { accountId } = await this.wallets.createPayoutAccount(user);
    return { accountId };
  }

  @Get('payout-account')
  @Doc({
    summary: 'Your payout account and its onboarding status (not_started, pending, active)',
    response: PayoutAccountStatusView,
  })
  async getPayoutAccount(@CurrentUser() user: UserRow) {
    return this.wallets.payoutAccount(user.id);
  }

  @Post('payout-account/onboarding-link')
  @Doc({
    summary:
      "A single-use link (minutes) to the provider's hosted onboarding of your payout account, created if needed; it returns to /wallet",
    status: 201,
    response: OnboardingLinkView,
  })
  async onboardingLink(
    @CurrentUser() user: UserRow,
    @Body({ schema: NoBody }) _b: z.infer<typeof NoBody>,
  ) {
    const link = await this.wallets.payoutOnboardingLink(user);
    return { url: link.url, expiresAt: link.expiresAt.toISOString() };
  }

  @Get('withdrawals')
  @Doc({
    summary: 'Your withdrawals, newest first (optionally of one currency)',
    response: pageSchema(WithdrawalView),
  })
  async withdrawals(
    @CurrentUser() user: UserRow,
    @Query({ schema: WithdrawalsQuery }) q: z.infer<typeof WithdrawalsQuery>,
  ) {
    const page = await this.wallets.withdrawalsOf(user.id, q);
    return { ...page, data: page.data.map(toWithdrawalView) };
  }

  @Post('withdraw')
  @Idempotent()
  @Doc({
    summary:
      'Withdraw to your payout account by Connect transfer: PAID, FAILED (money returned) or PENDING (retried)',
    status: 201,
    response: WithdrawalView,
  })
  async withdraw(
    @CurrentUser() user: UserRow,
    @Body({ schema: WithdrawBody }) b: z.infer<typeof WithdrawBody>,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return toWithdrawalView(
      await this.wallets.withdraw(user, BigInt(b.amount), b.currency, b.destination, key),
    );
  }
}

@ApiTags('wallet')
@Controller('api/v1/admin/wallets')
export class WalletAdminController {
  constructor(private readonly wallets: WalletService) {}

  @Get()
  @Roles('ADMIN')
  @Doc({
    summary: "A user's wallets with balances, debt and lock state, newest first (admin)",
    response: pageSchema(WalletView),
  })
  async ofOwner(@Query({ schema: OwnerQuery }) q: z.infer<typeof OwnerQuery>) {
    const rows = await this.wallets.walletsOf(q.ownerId, q.limit + 1, q.startingAfter);
    const page = toPage(
      rows.map((b) => ({ ...b, id: b.account.id })),
      q.limit,
      ({ account, ...balances }) => toWalletView(account, balances),
    );
    return page;
  }

  @Get('in-debt')
  @Roles('ADMIN')
  @Doc({
    summary: 'Wallets below zero (disputed or force-refunded deposits), newest first (admin)',
    response: pageSchema(WalletView),
  })
  async inDebt(@Query({ schema: PageQuery }) q: PageQuery) {
    const rows = await this.wallets.inDebt(q.limit + 1, q.startingAfter);
    return toPage(rows, q.limit, (a) => toWalletView(a));
  }

  @Post(':id/lock')
  @Roles('ADMIN')
  @Doc({ summary: 'Lock a wallet: it refuses every movement (admin)', status: 204 })
  async lock(@Param('id', { schema: z.string().min(1).max(64) }) id: string) {
    await this.wallets.setLocked(id, true);
  }

  @Post(':id/unlock')
  @Roles('ADMIN')
  @Doc({ summary: 'Unlock a wallet (admin)', status: 204 })
  async unlock(@Param('id', { schema: z.string().min(1).max(64) }) id: string) {
    await this.wallets.setLocked(id, false);
  }
}
