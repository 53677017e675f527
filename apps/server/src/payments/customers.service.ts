import { Inject, Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import type { Database } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { DATABASE } from '../platform/platform.module';
import type { UserRow } from '../identity/identity.schema';
import { PaymentMetrics } from './payment-metrics';
import { PAYMENT_PROVIDER } from './payments.tokens';
import type { PaymentProvider, SavedCard } from './provider/payment-provider';
import { providerCustomers } from './payments.schema';

/**
 * Provider customers, created lazily the first time a user needs one (saving a card, paying).
 * Creation uses an idempotency key derived from the user id, so two concurrent first payments get
 * the same customer; the unique row then records it once.
 */
@Injectable()
export class CustomersService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly metrics: PaymentMetrics,
  ) {}

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
