// payments' public face: what other modules (and the composition root) may import from payments.
// Everything else in this folder is internal; `npm run lint` fails on a deep import from outside.
export { PaymentsModule } from './payments.module';
export {
  PaymentsService,
  requireCollected,
  type CardPaymentInput,
  type ClientIntent,
  type ClientIntentInput,
  type PayableRef,
} from './payments.service';
export {
  PayablesRegistry,
  type IntentQuote,
  type IntentQuoter,
  type PayableHandler,
  type PaymentDomainEvent,
} from './payables-registry';
export { ConnectEvents, type ConnectFact, type ConnectHandler } from './connect-events';
export { SavedCards } from './saved-cards';
export { PaymentReturns } from './payment-returns';
export { ReturnLinks } from './return-links';
export { RedirectPolicy, RedirectUrl } from './redirect-policy';
export { ReturnRateLimit } from './return-rate-limit.guard';
export { PaymentView, toPaymentView } from './payments.view';
export { PROVIDER_SETUP, PUBLIC_URL, type PublicUrl } from './payments.tokens';
export {
  PAYOUT_PROVIDER,
  type PayoutAccountStatus,
  type PayoutProvider,
} from './provider/payouts-port';
export {
  BILLING_PROVIDER,
  type BillingFact,
  type BillingProvider,
  type ProviderSubscription,
  type SubscriptionStatus,
} from './provider/billing-port';
export { BillingEvents, type BillingListener } from './billing-events';
export { EmbeddedSandbox } from './provider/embedded-sandbox';
export { cardEntryCsp, cardEntryOf, type CardEntry } from './card-entry';
export type { ProviderSetup } from './provider/stripe-client';
export { canRefund as paymentRefundable } from './payment-state';
export type { PaymentRow } from './payments.schema';
