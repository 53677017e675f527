// `GET /v1/{customers,payment_intents,charges}/search`: the query fields Stripe documents for each
// resource (https://stripe.com/docs/search#query-fields-for-…). Unlike Stripe, results are
// searchable at once (Stripe indexes within about a minute).
import type Stripe from 'stripe';
import { search, type SearchField, type SearchSpec } from '../protocol/search';
import { get, type ResourceModule } from '../router';

const str = <T>(getter: (o: T) => unknown, substring = false): SearchField<T> => ({
  type: 'string',
  substring,
  get: getter,
});
const num = <T>(getter: (o: T) => unknown): SearchField<T> => ({ type: 'number', get: getter });
const bool = <T>(getter: (o: T) => unknown): SearchField<T> => ({ type: 'boolean', get: getter });

/** An expandable field holds an id or, once expanded, an object with one. */
function idOf(v: unknown): unknown {
  return v !== null && typeof v === 'object' ? (v as { id?: unknown }).id : v;
}

export const CUSTOMER_SEARCH: SearchSpec<Stripe.Customer> = {
  resource: 'customers',
  docsAnchor: 'query-fields-for-customers',
  metadata: (c) => c.metadata,
  fields: {
    created: num((c) => c.created),
    email: str((c) => c.email, true),
    name: str((c) => c.name, true),
    phone: str((c) => c.phone, true),
  },
};

export const PAYMENT_INTENT_SEARCH: SearchSpec<Stripe.PaymentIntent> = {
  resource: 'payment_intents',
  docsAnchor: 'query-fields-for-payment-intents',
  metadata: (pi) => pi.metadata,
  fields: {
    amount: num((pi) => pi.amount),
    created: num((pi) => pi.created),
    currency: str((pi) => pi.currency),
    customer: str((pi) => idOf(pi.customer)),
    status: str((pi) => pi.status),
  },
};

export const CHARGE_SEARCH: SearchSpec<Stripe.Charge> = {
  resource: 'charges',
  docsAnchor: 'query-fields-for-charges',
  metadata: (ch) => ch.metadata,
  fields: {
    amount: num((ch) => ch.amount),
    'billing_details.address.postal_code': str((ch) => ch.billing_details.address?.postal_code),
    created: num((ch) => ch.created),
    currency: str((ch) => ch.currency),
    customer: str((ch) => idOf(ch.customer)),
    disputed: bool((ch) => ch.disputed),
    'payment_method_details.card.brand': str((ch) => ch.payment_method_details?.card?.brand),
    'payment_method_details.card.exp_month': num(
      (ch) => ch.payment_method_details?.card?.exp_month,
    ),
    'payment_method_details.card.exp_year': num((ch) => ch.payment_method_details?.card?.exp_year),
    'payment_method_details.card.fingerprint': str(
      (ch) => ch.payment_method_details?.card?.fingerprint,
    ),
    'payment_method_details.card.last4': str((ch) => ch.payment_method_details?.card?.last4),
    payment_intent: str((ch) => idOf(ch.payment_intent)),
    refunded: bool((ch) => ch.refunded),
    status: str((ch) => ch.status),
  },
};

const PARAMS = ['query', 'limit', 'page'] as const;

export const searches: ResourceModule = {
  routes: [
    get('/customers/search', (engine, { p }) => {
      p.allowOnly(PARAMS);
      return search(CUSTOMER_SEARCH, (f) => engine.store.all('customer', f), p);
    }),
    get('/payment_intents/search', (engine, { p }) => {
      p.allowOnly(PARAMS);
      return search(PAYMENT_INTENT_SEARCH, (f) => engine.store.all('payment_intent', f), p);
    }),
    get('/charges/search', (engine, { p }) => {
      p.allowOnly(PARAMS);
      return search(CHARGE_SEARCH, (f) => engine.store.all('charge', f), p);
    }),
  ],
};
