// Route table for `/v1`: every resource module contributes routes and `expand` virtuals.
import type { Engine } from './engine';
import type { Virtual } from './protocol/expand';
import type { ParamReader } from './protocol/params';

export interface ApiRequest {
  /** Path parameters (`:id`). */
  params: Record<string, string>;
  /** Form body for POST, query string for GET/DELETE. */
  p: ParamReader;
  /**
   * The request was made with a publishable key (Stripe.js in the payer's browser): the route
   * must then check what the key alone does not prove (a PaymentIntent's `client_secret`).
   */
  publishable?: boolean;
}

export type Handler = (engine: Engine, req: ApiRequest) => object;

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  handler: Handler;
  /** A publishable key (`pk_test_…`) may call it too, as Stripe.js creates payment methods. */
  publishable?: boolean;
}

export interface ResourceModule {
  routes: Route[];
  /** Fields only returned when expanded, computed from the engine's state. */
  virtuals?: (engine: Engine) => Record<string, Record<string, Virtual>>;
  setup?: (engine: Engine) => void;
}

export const get = (path: string, handler: Handler): Route => ({ method: 'GET', path, handler });
export const post = (path: string, handler: Handler): Route => ({ method: 'POST', path, handler });
export const del = (path: string, handler: Handler): Route => ({
  method: 'DELETE',
  path,
  handler,
});
