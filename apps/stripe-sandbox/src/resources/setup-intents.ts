// Setup intents save a card for later. 4000002500003155 authenticates once here and then
// charges off-session without further authentication; declining cards fail the setup.
import type Stripe from 'stripe';
import type { Engine } from '../engine';
import { StripeError, unexpectedState } from '../protocol/errors';
import { clientSecret, newId } from '../protocol/ids';
import { createdFilter, paginate } from '../protocol/list';
import type { ParamReader } from '../protocol/params';
import { get, post, type ResourceModule } from '../router';
import { threeDSAction } from './payment-flow';
import { attach, resolvePaymentMethod } from './payment-methods';
import { authorise, declinesOnAttach } from './test-cards';

const FIELDS = [
  'customer',
  'payment_method',
  'payment_method_types',
  'usage',
  'confirm',
  'return_url',
  'metadata',
  'description',
  'automatic_payment_methods',
  'payment_method_options',
  'use_stripe_sdk',
  'mandate_data',
];

export function newSetupIntent(
  engine: Engine,
  input: {
    customer: string | null;
    usage: string;
    metadata: Stripe.Metadata;
    description: string | null;
    types: string[];
  },
): Stripe.SetupIntent {
  const id = newId('seti');
  const si: Stripe.SetupIntent = {
    id,
    object: 'setup_intent',
    allowed_payment_method_types: null,
    application: null,
    automatic_payment_methods: null,
    cancellation_reason: null,
    client_secret: clientSecret(id),
    created: engine.now(),
    customer: input.customer,
    customer_account: null,
    description: input.description,
    excluded_payment_method_types: null,
    flow_directions: null,
    last_setup_error: null,
    latest_attempt: null,
    livemode: false,
    mandate: null,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: input.types,
    single_use_mandate: null,
    status: 'requires_payment_method',
    usage: input.usage,
  };
  engine.store.insert('setup_intent', si);
  engine.emit('setup_intent.created', si);
  return si;
}

function succeed(engine: Engine, si: Stripe.SetupIntent, pm: Stripe.PaymentMethod): void {
  if (typeof si.customer === 'string' && pm.customer === null) attach(engine, pm, si.customer);
  if (si.usage === 'off_session') engine.store.internal.offSessionReady[pm.id] = true;
  si.status = 'succeeded';
  si.next_action = null;
  delete engine.store.internal.threeDS[si.id];
  engine.emit('setup_intent.succeeded', si);
}

function failSetup(
  engine: Engine,
  si: Stripe.SetupIntent,
  pm: Stripe.PaymentMethod,
  code: string,
  declineCode: string,
  message: string,
): StripeError {
  si.status = 'requires_payment_method';
  si.payment_method = null;
  si.next_action = null;
  si.last_setup_error = {
    type: 'card_error',
    code: code,
    decline_code: declineCode,
    message,
    payment_method: structuredClone(pm),
    payment_method_type: pm.type,
  };
  engine.emit('setup_intent.setup_failed', si);
  return new StripeError(402, {
    type: 'card_error',
    code,
    decline_code: declineCode,
    message,
    setup_intent: structuredClone(si),
    payment_method: structuredClone(pm),
  });
}

export function confirmSetup(
  engine: Engine,
  si: Stripe.SetupIntent,
  p: ParamReader,
): Stripe.SetupIntent {
  if (
    !['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(si.status)
  ) {
    throw unexpectedState(
      `You cannot confirm this SetupIntent because it has a status of ${si.status}.`,
      'setup_intent_unexpected_state',
    );
  }
  const pmId = p.str('payment_method');
  if (pmId !== undefined)
    si.payment_method = resolvePaymentMethod(engine, pmId, 'payment_method').id;
  if (si.payment_method === null) {
    throw unexpectedState(
      "You cannot confirm this SetupIntent because it's missing a payment method.",
      'setup_intent_unexpected_state',
    );
  }
  const returnUrl = p.str('return_url');
  const pm = engine.store.get('payment_method', si.payment_method as string);
  const behaviour = engine.store.internal.cards[pm.id] ?? 'succeed';
  const decline = declinesOnAttach(behaviour);
  si.last_setup_error = null;
  if (decline !== undefined)
    throw failSetup(engine, si, pm, decline.code, decline.declineCode, decline.message);
  const outcome = authorise(behaviour, {
    offSession: false,
    authenticated: false,
    setUpForOffSession: false,
  });
  if (outcome === 'authenticate') {
    si.status = 'requires_action';
    engine.store.internal.threeDS[si.id] = { returnUrl: returnUrl ?? null };
    si.next_action = threeDSAction(engine, si.id, returnUrl ?? null);
    engine.emit('setup_intent.requires_action', si);
    return si;
  }
  succeed(engine, si, pm);
  return si;
}

export function finishSetupAuthentication(
  engine: Engine,
  si: Stripe.SetupIntent,
  approved: boolean,
): void {
  if (si.status !== 'requires_action') return;
  const pm = engine.store.get('payment_method', si.payment_method as string);
  if (approved) succeed(engine, si, pm);
  else
    failSetup(
      engine,
      si,
      pm,
      'setup_intent_authentication_failure',
      'authentication_failure',
      'The latest attempt to set up the payment method has failed because authentication failed.',
    );
}

export const setupIntents: ResourceModule = {
  routes: [
    post('/setup_intents', (engine, { p }) => {
      p.allowOnly(FIELDS);
      const customer = p.str('customer') ?? null;
      if (customer !== null) engine.store.referenced('customer', customer, 'customer');
      const si = newSetupIntent(engine, {
        customer,
        usage: p.oneOf('usage', ['on_session', 'off_session'] as const) ?? 'off_session',
        metadata: p.metadata(),
        description: p.str('description') ?? null,
        types: p.strings('payment_method_types') ?? ['card'],
      });
      const pmId = p.str('payment_method');
      if (pmId !== undefined) {
        si.payment_method = resolvePaymentMethod(engine, pmId, 'payment_method').id;
        si.status = 'requires_confirmation';
      }
      if (p.bool('confirm') === true)
        return confirmSetup(engine, si, p.without(['payment_method']));
      return si;
    }),
    get('/setup_intents/:id', (engine, { params }) =>
      engine.store.get('setup_intent', params.id ?? '', 'intent'),
    ),
    post('/setup_intents/:id', (engine, { params, p }) => {
      p.allowOnly(['metadata', 'description', 'payment_method', 'customer']);
      const si = engine.store.get('setup_intent', params.id ?? '', 'intent');
      si.metadata = p.metadata(si.metadata ?? {});
      if (p.has('description')) si.description = p.nullableStr('description') ?? null;
      const pmId = p.str('payment_method');
      if (pmId !== undefined) {
        si.payment_method = resolvePaymentMethod(engine, pmId, 'payment_method').id;
        si.status = 'requires_confirmation';
      }
      const customer = p.str('customer');
      if (customer !== undefined)
        si.customer = engine.store.referenced('customer', customer, 'customer').id;
      return si;
    }),
    post('/setup_intents/:id/confirm', (engine, { params, p }) => {
      p.allowOnly([
        'payment_method',
        'return_url',
        'mandate_data',
        'payment_method_options',
        'use_stripe_sdk',
      ]);
      return confirmSetup(engine, engine.store.get('setup_intent', params.id ?? '', 'intent'), p);
    }),
    post('/setup_intents/:id/cancel', (engine, { params, p }) => {
      p.allowOnly(['cancellation_reason']);
      const si = engine.store.get('setup_intent', params.id ?? '', 'intent');
      if (si.status === 'succeeded' || si.status === 'canceled') {
        throw unexpectedState(
          `You cannot cancel this SetupIntent because it has a status of ${si.status}.`,
          'setup_intent_unexpected_state',
        );
      }
      si.status = 'canceled';
      si.cancellation_reason =
        p.oneOf('cancellation_reason', [
          'abandoned',
          'duplicate',
          'requested_by_customer',
        ] as const) ?? null;
      engine.emit('setup_intent.canceled', si);
      return si;
    }),
    get('/setup_intents', (engine, { p }) => {
      const customer = p.str('customer');
      const created = createdFilter(p);
      const rows = engine.store.all(
        'setup_intent',
        (si) => (customer === undefined || si.customer === customer) && created(si.created),
      );
      return paginate(rows, '/v1/setup_intents', p);
    }),
  ],
};
