import { load, submit } from '../../../stripe-sandbox/test/browser';
import { client, promote, register, type TestApp } from '../helpers';

/** HTTP helpers shared by the order tests: users, deposits, products, orders, wallets. */
export function ordersFixture(app: TestApp) {
  const api = client(app.url);
  let keys = 0;
  const post = (path: string, body: unknown, token: string, key?: string) =>
    api.call('POST', path, { body, token, headers: key ? { 'idempotency-key': key } : {} });

  return {
    api,
    post,
    async buyer(deposit = 0) {
      const me = await register(api);
      if (deposit > 0) {
        const res = await post(
          '/api/v1/wallet/deposit',
          { amount: deposit, paymentMethodId: 'pm_card_visa' },
          me.accessToken,
        );
        if (res.status !== 201) throw new Error(`deposit: ${res.status}`);
      }
      return me;
    },
    async merchant() {
      const me = await register(api);
      await promote(app, me.user.id, 'MERCHANT');
      return me;
    },
    async product(token: string, price: number, units: number) {
      const res = await post(
        '/api/v1/products',
        { name: `Widget ${price}`, price, initialUnits: units },
        token,
      );
      if (res.status !== 201) throw new Error(`product: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string };
    },
    order(token: string, body: Record<string, unknown>, key = `order-${process.pid}-${++keys}`) {
      return post('/api/v1/orders', body, token, key);
    },
    balance: async (token: string) =>
      (await api.get('/api/v1/wallet', token)).body.balance as number,
    stock: async (id: string) =>
      (await api.get(`/api/v1/products/${id}`)).body.availableUnits as number,
    getOrder: async (token: string, id: string) =>
      (await api.get(`/api/v1/orders/${id}`, token)).body,
  };
}

/** The "Cancel and return" link of a hosted checkout page (the session's cancel_url). */
export async function cancelLink(url: string): Promise<string> {
  const page = await load(url);
  const href = /<a id="cancel" href="([^"]*)"/.exec(page.html)?.[1];
  if (!href) throw new Error('no cancel link on the checkout page');
  return href.replace(/&amp;/g, '&');
}

/** The path and query of an absolute URL, for the test client. */
export const pathOf = (url: string): string => {
  const u = new URL(url);
  return u.pathname + u.search;
};

/** Pays a hosted checkout page with a test card, as a browser would; returns where it redirects. */
export async function payOnHostedPage(url: string): Promise<string | null> {
  const page = await load(url);
  const paid = await submit(
    url,
    page.html,
    { id: 'card-form' },
    {
      card_number: '4242424242424242',
      email: 'buyer@example.com',
      name: 'Buyer',
    },
  );
  return paid.location;
}
