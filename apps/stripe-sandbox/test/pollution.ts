// Prototype-pollution probes, shared by the sandbox's own tests (sandbox in the test's process) and
// the server's (sandbox on its worker thread beside the server). Every route is read from
// `GET /_sandbox/routes`, so a route added tomorrow is probed tomorrow.

/** Form/query pairs that wrote onto Object.prototype through a naive bracket parser. */
export const POLLUTING_PAIRS = [
  '__proto__[polluted_a]=1',
  '__proto__[clockTolerance]=100000h',
  '__proto__[role]=MERCHANT',
  'constructor[prototype][polluted_b]=1',
  'a[__proto__][polluted_c]=1',
  'a[constructor][prototype][polluted_d]=1',
  'items[0][__proto__][polluted_e]=1',
  'metadata[__proto__][polluted_f]=1',
  '__proto__[]=polluted_g',
  'prototype[polluted_h]=1',
];

export const POLLUTING_FORM = POLLUTING_PAIRS.join('&');

/** The same in JSON (Fastify's parser refuses them; they must still never be a 500). */
export const POLLUTING_JSON = [
  '{"__proto__":{"polluted_j":"1","clockTolerance":"100000h","role":"MERCHANT"}}',
  '{"constructor":{"prototype":{"polluted_k":"1"}}}',
  '{"a":{"__proto__":{"polluted_l":"1"}}}',
];

/** Ids and keys that name members every plain object inherits. */
export const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '__defineGetter__',
];

/** The own keys of the built-ins a pollution would change, to compare before and after. */
export function builtinsSnapshot(): Record<string, string[]> {
  const keys = (o: object) => Reflect.ownKeys(o).map(String).sort();
  return {
    'Object.prototype': keys(Object.prototype),
    'Array.prototype': keys(Array.prototype),
    'Function.prototype': keys(Function.prototype),
    'String.prototype': keys(String.prototype),
    Object: keys(Object),
  };
}

export interface Route {
  method: string;
  url: string;
}

export interface Probe {
  method: string;
  path: string;
  body: string;
  status: number;
}

export async function sandboxRoutes(baseUrl: string): Promise<Route[]> {
  const res = await fetch(`${baseUrl}/_sandbox/routes`);
  if (res.status !== 200) throw new Error(`GET /_sandbox/routes answered ${res.status}`);
  return ((await res.json()) as { data: Route[] }).data;
}

/** `/v1/customers/:id` with every parameter set to `id`. */
export function pathFor(route: Route, id: string): string {
  return route.url.replace(/:[A-Za-z_]+/g, encodeURIComponent(id));
}

/**
 * Sends every polluting query string, form body and JSON body to every route (ids: a plain one
 * and prototype names), with an API key so /v1 handlers get past authentication. Returns every
 * answer; callers assert none is a 5xx and that nothing changed.
 */
export async function probeEveryRoute(baseUrl: string, apiKey: string): Promise<Probe[]> {
  const probes: Probe[] = [];
  const send = async (method: string, path: string, type: string | null, body: string) => {
    const headers: Record<string, string> = { authorization: `Bearer ${apiKey}` };
    if (type !== null) headers['content-type'] = type;
    const res = await fetch(`${baseUrl}${path}?${POLLUTING_FORM}`, {
      method,
      headers,
      body: type === null ? undefined : body,
      redirect: 'manual',
    });
    await res.arrayBuffer();
    probes.push({ method, path, body, status: res.status });
  };
  for (const route of await sandboxRoutes(baseUrl)) {
    for (const id of ['x', '__proto__', 'constructor']) {
      const path = pathFor(route, id);
      // fetch() sends no body with GET; the query string is what GET handlers parse.
      await send(route.method, path, null, '');
      if (route.method === 'GET') continue;
      await send(route.method, path, 'application/x-www-form-urlencoded', POLLUTING_FORM);
      for (const json of POLLUTING_JSON) await send(route.method, path, 'application/json', json);
    }
  }
  return probes;
}
