/** The PaymentProvider the core uses (Stripe, real or sandbox). */
export const PAYMENT_PROVIDER = Symbol('PAYMENT_PROVIDER');
/** How the provider was set up, including the embedded sandbox to start after listen. */
export const PROVIDER_SETUP = Symbol('PROVIDER_SETUP');
/** `{ value }`, frozen: the base URL browsers reach us at (PUBLIC_URL, else the listen address). */
export const PUBLIC_URL = Symbol('PUBLIC_URL');
export interface PublicUrl {
  readonly value: string;
}
