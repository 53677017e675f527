// Stripe's wire format: `application/x-www-form-urlencoded` with bracketed nesting
// (`metadata[k]=v`, `items[0][price]=p`, `expand[]=x`). The SDK sends indexed arrays
// (`expand[0]=x`); curl users send `expand[]=x`. Both are accepted.
//
// Every object this parser builds has no prototype (see dict.ts), so a key named `__proto__`,
// `constructor` or `prototype` is an ordinary parameter name, as it is to Stripe: an endpoint
// answers it with `parameter_unknown` like any other name it does not know, and a metadata key of
// that name is stored as data. It can never reach Object.prototype.
import { dict, own } from './dict';

export type ParamValue = string | Params | ParamValue[];
export interface Params {
  [key: string]: ParamValue;
}

/** Malformed escapes are kept as written (as qs does): a bad request must never throw here. */
function decode(s: string): string {
  const spaced = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** Splits `a[b][0][]` into `['a', 'b', '0', '']`. */
export function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return [key];
  const parts = [key.slice(0, open)];
  const re = /\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  let consumed = open;
  while ((m = re.exec(key)) !== null) {
    if (m.index !== consumed) break;
    parts.push(m[1] ?? '');
    consumed = m.index + m[0].length;
  }
  // Anything unparseable after the brackets stays part of the last segment, like qs does.
  if (consumed < key.length) parts[parts.length - 1] += key.slice(consumed);
  return parts;
}

interface Node {
  [key: string]: Node | string;
}
type Tree = Node | string;

function assign(node: Node, path: string[], value: string): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  // `[]` appends: give it the next free numeric slot.
  const key = head === '' ? String(Object.keys(node).length) : head;
  if (rest.length === 0) {
    node[key] = value;
    return;
  }
  let child = own(node, key);
  if (typeof child !== 'object') {
    child = dict<Node | string>();
    node[key] = child;
  }
  assign(child, rest, value);
}

/** Objects whose keys are all array indices become arrays (ordered by index). */
function normalise(tree: Tree): ParamValue {
  if (typeof tree === 'string') return tree;
  const keys = Object.keys(tree);
  const values = keys.map((k) => normalise(own(tree, k) as Tree));
  if (keys.length > 0 && keys.every((k) => /^(0|[1-9]\d*)$/.test(k))) {
    return keys
      .map((k, i) => [Number(k), values[i] as ParamValue] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, v]) => v);
  }
  const out: Params = dict();
  keys.forEach((k, i) => {
    out[k] = values[i] as ParamValue;
  });
  return out;
}

export function parseForm(body: string): Params {
  const root: Node = dict();
  if (body.length === 0) return dict();
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    assign(root, splitKey(decode(rawKey)), decode(rawValue));
  }
  return normalise(root) as Params;
}

/** Deterministic serialisation for comparing two requests' parameters. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(own(value as Record<string, unknown>, k))}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
