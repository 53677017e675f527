import type { Config } from '../platform/config/config';
import type { ProviderSetup } from './provider/stripe-client';

/**
 * How the web app takes a card, so the number is typed on the provider's origin and only a `pm_…`
 * id reaches us: Stripe Elements with real Stripe (given a publishable key), else the embedded
 * sandbox's framed card form (`/_sandbox/elements/card`).
 */
export interface CardEntry {
  cardEntry: 'stripe' | 'sandbox';
  /** Stripe.js's key; absent with real Stripe means no card entry in the app (hosted page only). */
  publishableKey?: string;
  /** The sandbox's origin, which serves the card form and the 3-D Secure pages. */
  sandboxUrl?: string;
}

export function cardEntryOf(config: Config, setup: ProviderSetup): CardEntry {
  if (setup.sandbox)
    return { cardEntry: 'sandbox', sandboxUrl: `http://127.0.0.1:${setup.sandbox.port}` };
  const key = config.stripe.publishableKey;
  return key ? { cardEntry: 'stripe', publishableKey: key } : { cardEntry: 'stripe' };
}

/**
 * What the app's CSP must allow for that card entry, and nothing more: the sandbox's origin as a
 * frame (card form, 3-D Secure page); or Stripe.js, its frames and its API.
 */
export function cardEntryCsp(entry: CardEntry): {
  scriptSrc: string[];
  frameSrc: string[];
  connectSrc: string[];
} {
  if (entry.sandboxUrl) return { scriptSrc: [], frameSrc: [entry.sandboxUrl], connectSrc: [] };
  if (!entry.publishableKey) return { scriptSrc: [], frameSrc: [], connectSrc: [] };
  return {
    scriptSrc: ['https://js.stripe.com'],
    // Elements' own frames; 3-D Secure then runs on the whole page (the banks' origins are many).
    frameSrc: ['https://js.stripe.com'],
    connectSrc: ['https://api.stripe.com'],
  };
}
