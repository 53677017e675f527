// Stripe's search query language (`/v1/<resource>/search?query=…`): clauses `field:"value"`,
// `field~"sub"`, numeric `> < >= <=`, `-` negation, `metadata["key"]`, joined by spaces/AND or by
// OR (never both), at most 10 clauses. Results are a `search_result` paged by an opaque `page`.
import { own } from './dict';
import { invalidRequest } from './errors';
import type { ParamReader } from './params';

export type FieldType = 'string' | 'number' | 'boolean';

export interface SearchField<T> {
  type: FieldType;
  /** Whether `~` (substring) is allowed, as Stripe allows it only on some text fields. */
  substring?: boolean;
  get: (o: T) => unknown;
}

export interface SearchSpec<T> {
  /** Stripe's resource name in its messages and docs anchors (`customers`, `charges`, …). */
  resource: string;
  docsAnchor: string;
  fields: Record<string, SearchField<T>>;
  metadata: (o: T) => Record<string, string>;
}

type Op = ':' | '~' | '>' | '<' | '>=' | '<=';

interface Clause {
  negated: boolean;
  field: string;
  metadataKey?: string;
  op: Op;
  /** `null` only for the bare `null` literal. */
  value: string | null;
  quoted: boolean;
}

const MAX_CLAUSES = 10;
const MIN_SUBSTRING = 3;

const PARSE_ERROR =
  'We were unable to parse your search query. Try using the format `metadata["key"]:"value"` to query for metadata or `key:"value"` to query for other fields.';

function parseError(detail?: string): never {
  throw invalidRequest(detail === undefined ? PARSE_ERROR : `${PARSE_ERROR} ${detail}`, 'query');
}

class Lexer {
  pos = 0;
  constructor(readonly src: string) {}

  skipSpace(): boolean {
    const start = this.pos;
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos]!)) this.pos++;
    return this.pos > start;
  }

  done(): boolean {
    return this.pos >= this.src.length;
  }

  peek(n = 1): string {
    return this.src.slice(this.pos, this.pos + n);
  }

  /** A quoted string, `"…"` or `'…'`; a backslash escapes the next character. */
  quoted(): string {
    const quote = this.src[this.pos];
    if (quote !== '"' && quote !== "'") parseError();
    this.pos++;
    let out = '';
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos]!;
      if (ch === '\\') {
        if (this.pos + 1 >= this.src.length) break;
        out += this.src[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (ch === quote) {
        this.pos++;
        return out;
      }
      out += ch;
      this.pos++;
    }
    return parseError('A quoted value is not closed.');
  }

  word(pattern: RegExp): string {
    const m = pattern.exec(this.src.slice(this.pos));
    if (m === null || m.index !== 0 || m[0] === '') parseError();
    this.pos += m[0].length;
    return m[0];
  }
}

function parseClause(lx: Lexer): Clause {
  const negated = lx.peek() === '-';
  if (negated) lx.pos++;
  const field = lx.word(/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*/);
  let metadataKey: string | undefined;
  if (lx.peek() === '[') {
    if (field !== 'metadata') parseError();
    lx.pos++;
    metadataKey = lx.quoted();
    if (lx.peek() !== ']') parseError();
    lx.pos++;
  }
  const two = lx.peek(2);
  let op: Op;
  if (two === '>=' || two === '<=') {
    op = two;
    lx.pos += 2;
  } else {
    const one = lx.peek();
    if (one !== ':' && one !== '~' && one !== '>' && one !== '<') parseError();
    op = one;
    lx.pos++;
  }
  const next = lx.peek();
  if (next === '"' || next === "'") {
    return { negated, field, metadataKey, op, value: lx.quoted(), quoted: true };
  }
  // Unquoted values: numbers, `null`, and booleans; any other string must be quoted.
  const bare = lx.word(/^[^\s"'()]+/);
  if (bare === 'null') return { negated, field, metadataKey, op, value: null, quoted: false };
  return { negated, field, metadataKey, op, value: bare, quoted: false };
}

export interface ParsedQuery {
  join: 'AND' | 'OR';
  clauses: Clause[];
}

export function parseQuery(query: string): ParsedQuery {
  const lx = new Lexer(query);
  lx.skipSpace();
  if (lx.done()) parseError();
  const clauses: Clause[] = [parseClause(lx)];
  const joins = new Set<'AND' | 'OR'>();
  while (true) {
    const spaced = lx.skipSpace();
    if (lx.done()) break;
    if (!spaced) parseError();
    const keyword = /^(and|or)\s/i.exec(lx.src.slice(lx.pos));
    if (keyword !== null) {
      joins.add(keyword[1]!.toUpperCase() as 'AND' | 'OR');
      lx.pos += keyword[1]!.length;
      lx.skipSpace();
    } else joins.add('AND');
    if (joins.size > 1) {
      throw invalidRequest(
        'You cannot combine `AND` and `OR` in the same search query. Use one or the other.',
        'query',
      );
    }
    clauses.push(parseClause(lx));
  }
  if (clauses.length > MAX_CLAUSES) {
    throw invalidRequest(
      `Search queries can have at most ${MAX_CLAUSES} clauses, but yours has ${clauses.length}.`,
      'query',
    );
  }
  return { join: joins.has('OR') ? 'OR' : 'AND', clauses };
}

function compile<T>(spec: SearchSpec<T>, c: Clause): (o: T) => boolean {
  const opError = (type: string): never => {
    throw invalidRequest(
      `The \`${c.op}\` operator is not supported for the ${type} field \`${c.field}\` on resource \`${spec.resource}\`.`,
      'query',
    );
  };
  if (c.metadataKey !== undefined) {
    const key = c.metadataKey;
    // Metadata values are tokens to Stripe: exact matches only.
    if (c.op !== ':') opError('metadata');
    if (c.value === null) return (o) => own(spec.metadata(o), key) === undefined;
    const want = c.value;
    return (o) => own(spec.metadata(o), key) === want;
  }
  const field = own(spec.fields, c.field);
  if (field === undefined) {
    throw invalidRequest(
      `Field \`${c.field}\` is an unsupported search field for resource \`${spec.resource}\`. See https://stripe.com/docs/search#${spec.docsAnchor} for a list of supported fields.`,
      'query',
    );
  }
  if (c.value === null) {
    if (c.op !== ':') opError(field.type);
    return (o) => field.get(o) === null || field.get(o) === undefined;
  }
  const value = c.value;
  if (field.type === 'number') {
    if (c.op === '~') opError('numeric');
    if (!/^-?\d+$/.test(value)) {
      throw invalidRequest(
        `The value \`${value}\` is not a valid number for the field \`${c.field}\`.`,
        'query',
      );
    }
    const n = Number(value);
    const cmp = {
      ':': (x: number) => x === n,
      '>': (x: number) => x > n,
      '<': (x: number) => x < n,
      '>=': (x: number) => x >= n,
      '<=': (x: number) => x <= n,
    }[c.op as Exclude<Op, '~'>];
    return (o) => {
      const x = field.get(o);
      return typeof x === 'number' && cmp(x);
    };
  }
  if (c.op !== ':' && c.op !== '~') opError(field.type);
  if (field.type === 'boolean') {
    if (c.op === '~' || (value !== 'true' && value !== 'false')) opError('boolean');
    return (o) => String(field.get(o)) === value;
  }
  if (!c.quoted) parseError('String values must be quoted.');
  const want = value.toLowerCase();
  if (c.op === '~') {
    if (field.substring !== true) opError('string');
    if (want.length < MIN_SUBSTRING) {
      throw invalidRequest(
        `Substring searches (\`~\`) need at least ${MIN_SUBSTRING} characters: \`${c.field}~"${value}"\`.`,
        'query',
      );
    }
    return (o) => {
      const x = field.get(o);
      return typeof x === 'string' && x.toLowerCase().includes(want);
    };
  }
  // Stripe matches text fields without regard to case (an e-mail typed with capitals still matches).
  return (o) => {
    const x = field.get(o);
    return typeof x === 'string' && x.toLowerCase() === want;
  };
}

export function matcher<T>(spec: SearchSpec<T>, query: string): (o: T) => boolean {
  const parsed = parseQuery(query);
  const tests = parsed.clauses.map((c) => {
    const test = compile(spec, c);
    return c.negated ? (o: T) => !test(o) : test;
  });
  return parsed.join === 'OR' ? (o) => tests.some((t) => t(o)) : (o) => tests.every((t) => t(o));
}

export interface SearchResult<T> {
  object: 'search_result';
  data: T[];
  has_more: boolean;
  next_page: string | null;
  url: string;
  total_count?: number;
}

/** `page` is opaque to clients: here, the id of the last object of the previous page. */
function encodePage(lastId: string): string {
  return Buffer.from(JSON.stringify({ after: lastId })).toString('base64url');
}

function decodePage(page: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(page, 'base64url').toString('utf8')) as unknown;
    const after = (parsed as { after?: unknown }).after;
    if (typeof after === 'string') return after;
  } catch {
    // fall through to the error below
  }
  throw invalidRequest(`Invalid page: ${page.slice(0, 100)}`, 'page');
}

/**
 * Runs `query` over `rows` (newest first, as the store lists them) and returns one page. The
 * caller has already rejected unknown parameters.
 */
export function search<T extends { id: string }>(
  spec: SearchSpec<T>,
  rows: (filter: (o: T) => boolean) => T[],
  p: ParamReader,
): SearchResult<T> {
  const query = p.str('query');
  if (query === undefined || query === '') {
    throw invalidRequest('Missing required param: query.', 'query', 'parameter_missing');
  }
  if (query.length > 5000) {
    throw invalidRequest(
      `Invalid query: must be at most 5000 characters (it has ${query.length}).`,
      'query',
      'parameter_invalid_string',
    );
  }
  const limit = p.int('limit') ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidRequest(
      'Invalid limit: must be an integer between 1 and 100.',
      'limit',
      'parameter_invalid_integer',
    );
  }
  const matches = rows(matcher(spec, query));
  const page = p.str('page');
  let start = 0;
  if (page !== undefined && page !== '') {
    const after = decodePage(page);
    const idx = matches.findIndex((r) => r.id === after);
    if (idx === -1) throw invalidRequest(`Invalid page: ${page.slice(0, 100)}`, 'page');
    start = idx + 1;
  }
  const data = matches.slice(start, start + limit);
  const hasMore = matches.length > start + limit;
  const result: SearchResult<T> = {
    object: 'search_result',
    data,
    has_more: hasMore,
    next_page: hasMore ? encodePage(data[data.length - 1]!.id) : null,
    url: `/v1/${spec.resource}/search`,
  };
  // Stripe returns the count only when asked for it (`expand[]=total_count`).
  if ((p.strings('expand') ?? []).includes('total_count')) result.total_count = matches.length;
  return result;
}
