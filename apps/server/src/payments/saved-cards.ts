import { Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import { Clock } from '../platform/clock';
import { Database } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import type { UserRow } from '../identity';
import { PaymentMetrics } from './payment-metrics';
import {
  PaymentProvider,
  type ProviderSetupIntent,
  type SavedCard,
} from './provider/payment-provider';
import { providerCustomers } from './payments.schema';
import { SyncThrottle } from './sync-throttle';

/** The card setup's return page reads a SetupIntent at most this often (per node). */
const SETUP_READ_INTERVAL_MS = 5_000;

/** What the card setup's return page shows. */
export interface SetupOutcome {
  setupIntentId: string;
  status: string;
  paymentMethodId: string | null;
  failureCode: string | null;
  failureMessage: string | null;
}

/**
 * Provider customers, created lazily the first time a user needs one (saving a card, paying).
 * Creation uses an idempotency key derived from the user id, so two concurrent first payments get
 * the same customer; the unique row then records it once.
 */
@Injectable()
export class SavedCards {
  private readonly setupReads: SyncThrottle<ProviderSetupIntent>;

  constructor(
    private readonly database: Database,
    clock: Clock,
    private readonly provider: PaymentProvider,
    private readonly metrics: PaymentMetrics,
  ) {
    this.setupReads = new SyncThrottle(SETUP_READ_INTERVAL_MS, clock);
  }

  async find(userId: string): Promise<string | undefined> {
    const [row] = await this.database.db
      .select()
      .from(providerCustomers)
      .where(eq(providerCustomers.userId, userId));
    return row?.providerCustomerId;
  }

  async ensure(user: Pick<UserRow, 'id' | 'email'>): Promise<string> {
    const existing = await this.find(user.id);
    if (existing) return existing;
    const customerId = await this.metrics.time('customers.create', () =>
      this.provider.createCustomer({ email: user.email, userId: user.id }, `customer:${user.id}`),
    );
    await this.database.db
      .insert(providerCustomers)
      .values({ userId: user.id, provider: this.provider.name, providerCustomerId: customerId })
      .onConflictDoNothing();
    return (await this.find(user.id))!;
  }

  /** Saves a card tokenised by the provider's client library (a `pm_…` id) for off-session use. */
  async saveCard(user: Pick<UserRow, 'id' | 'email'>, paymentMethodId: string, returnUrl?: string) {
    const customerId = await this.ensure(user);
    return this.metrics.time('cards.save', () =>
      this.provider.saveCard(
        { customerId, paymentMethodId, returnUrl },
        `save-card:${user.id}:${paymentMethodId}`,
      ),
    );
  }

  /**
   * Where a card setup that needed 3-D Secure comes back: the setup as the provider has it, only
   * if it belongs to this user's customer (else 404, as for any card not theirs). The card is
   * attached by the provider once the setup succeeds; nothing is left for us to complete.
   */
  async setupOutcome(userId: string, setupIntentId: string): Promise<SetupOutcome> {
    const customerId = await this.find(userId);
    const si = customerId
      ? await this.setupReads
          .run(setupIntentId, () => this.provider.retrieveSetup(setupIntentId))
          .catch((err: unknown) => {
            if (err instanceof AppError && err.kind === 'validation') return undefined; // no such setup
            throw err;
          })
      : undefined;
    if (!si || si.customerId !== customerId) throw AppError.notFound('setup intent', setupIntentId);
    return {
      setupIntentId: si.id,
      status: si.status,
      paymentMethodId: si.paymentMethodId,
      failureCode: si.failure?.code ?? null,
      failureMessage: si.failure?.message ?? null,
    };
  }

  async listCards(userId: string): Promise<SavedCard[]> {
    const customerId = await this.find(userId);
    return customerId ? this.provider.listCards(customerId) : [];
  }

  /** The user's own card, or a 404 (never reveal whether another user's card exists). */
  async assertOwnCard(userId: string, paymentMethodId: string): Promise<string> {
    const customerId = await this.find(userId);
    const owner = customerId
      ? await this.provider.cardOwner(paymentMethodId).catch(() => null)
      : null;
    if (!customerId || owner !== customerId)
      throw AppError.notFound('payment method', paymentMethodId);
    return customerId;
  }

  async removeCard(userId: string, paymentMethodId: string): Promise<void> {
    await this.assertOwnCard(userId, paymentMethodId);
    await this.provider.detachCard(paymentMethodId, `detach-card:${paymentMethodId}`);
  }
}
