import { Module } from '@nestjs/common';
import { Config } from '../platform/config/config';
import type { ListenAddress } from '../platform/listen/listen-address';
import { LISTEN_ADDRESS } from '../platform/platform.module';
import { SavedCards } from './saved-cards';
import { PayablesRegistry } from './payables-registry';
import { ConnectEvents } from './connect-events';
import { PaymentMetrics } from './payment-metrics';
import { DisputeWriter } from './dispute-writer';
import { PaymentRefunds } from './payment-refunds';
import { PaymentWriter } from './payment-writer';
import {
  PaymentsAdminController,
  PaymentsController,
  WebhooksController,
} from './payments.controller';
import { PaymentsQuery } from './payments.query';
import { PaymentTransitionsController } from './payment-transitions.controller';
import { PaymentStats } from './payment-stats';
import { PaymentStatsController } from './payment-stats.controller';
import { WebhookEventsController } from './webhook-events.controller';
import { WebhookEventsQuery } from './webhook-events.query';
import { PaymentsService } from './payments.service';
import { CardPayments } from './card-payments';
import { ClientIntents } from './client-intents';
import { ClientIntentsController } from './client-intents.controller';
import { LinkPayments } from './link-payments';
import { PaymentAttempts } from './payment-attempts';
import { PaymentHolds } from './payment-holds';
import { PaymentSync } from './payment-sync';
import { PAYMENT_PROVIDER, PROVIDER_SETUP, PUBLIC_URL, type PublicUrl } from './payments.tokens';
import { PAYOUT_PROVIDER } from './provider/payouts-port';
import { BILLING_PROVIDER } from './provider/billing-port';
import { BillingEvents } from './billing-events';
import { EmbeddedSandbox } from './provider/embedded-sandbox';
import { PaymentProvider } from './provider/payment-provider';
import { createPaymentProvider, type ProviderSetup } from './provider/stripe-client';
import { PaymentReturns } from './payment-returns';
import { ProviderAudit } from './provider-audit';
import { ClientConfigController } from './client-config.controller';
import { PaymentAuditor } from './payment-auditor';
import { Reconciler } from './reconciler';
import { ReconcileSweeps } from './reconcile-sweeps';
import { RedirectPolicy } from './redirect-policy';
import { ReturnLinks } from './return-links';
import { ReturnRateLimit } from './return-rate-limit.guard';
import { WebhookIntake } from './webhook-intake';
import { EventFactsWriter } from './event-facts-writer';
import { WebhookApplier } from './webhook-applier';
import { WebhookQueue } from './webhook-queue';

/**
 * The payments core. Payables use PaymentsService to collect money and PayablesRegistry to hear the
 * outcome; nothing here imports a payable.
 */
@Module({
  controllers: [
    ClientConfigController,
    ClientIntentsController,
    PaymentsController,
    WebhooksController,
    PaymentsAdminController,
    PaymentTransitionsController,
    PaymentStatsController,
    WebhookEventsController,
  ],
  providers: [
    {
      provide: PROVIDER_SETUP,
      inject: [Config],
      useFactory: (config: Config) => createPaymentProvider(config),
    },
    {
      // The class is the token: a constructor parameter typed PaymentProvider needs no @Inject.
      provide: PaymentProvider,
      inject: [PROVIDER_SETUP],
      useFactory: (s: ProviderSetup) => s.payments,
    },
    // The old symbol token, kept as an alias so code still writing @Inject(PAYMENT_PROVIDER) (on
    // another branch, or a test's app.get) gets the same instance. New code injects by type.
    { provide: PAYMENT_PROVIDER, useExisting: PaymentProvider },
    {
      // The wallet's withdrawals: Connect transfers through the same client and retries.
      provide: PAYOUT_PROVIDER,
      inject: [PROVIDER_SETUP],
      useFactory: (s: ProviderSetup) => s.payouts,
    },
    {
      // Memberships' recurring prices and subscriptions: the same client and retries.
      provide: BILLING_PROVIDER,
      inject: [PROVIDER_SETUP],
      useFactory: (s: ProviderSetup) => s.billing,
    },
    BillingEvents,
    {
      provide: PUBLIC_URL,
      inject: [LISTEN_ADDRESS],
      useFactory: (a: ListenAddress): PublicUrl => Object.freeze({ value: a.publicUrl }),
    },
    EmbeddedSandbox,
    PayablesRegistry,
    ConnectEvents,
    PaymentMetrics,
    PaymentWriter,
    DisputeWriter,
    PaymentRefunds,
    SavedCards,
    PaymentAttempts,
    PaymentSync,
    CardPayments,
    ClientIntents,
    LinkPayments,
    PaymentHolds,
    PaymentsService,
    PaymentsQuery,
    PaymentStats,
    WebhookEventsQuery,
    WebhookIntake,
    WebhookQueue,
    WebhookApplier,
    EventFactsWriter,
    Reconciler,
    ReconcileSweeps,
    ProviderAudit,
    PaymentAuditor,
    ReturnLinks,
    RedirectPolicy,
    PaymentReturns,
    ReturnRateLimit,
  ],
  exports: [
    PaymentsService,
    PayablesRegistry,
    ConnectEvents,
    SavedCards,
    PaymentReturns,
    ReturnLinks,
    RedirectPolicy,
    ReturnRateLimit,
    PROVIDER_SETUP,
    PAYOUT_PROVIDER,
    BILLING_PROVIDER,
    BillingEvents,
    PUBLIC_URL,
    EmbeddedSandbox,
  ],
})
export class PaymentsModule {}
