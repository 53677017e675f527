import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';

/**
 * The deepest JSON nesting any request body may have (objects and arrays; a flat object is 1). Our
 * deepest real body is 2; Stripe events are under 10. Anything deeper is refused before a
 * recursive consumer (the Idempotency-Key fingerprint, a validator, a logger) could run out of stack.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * U+0000, which PostgreSQL refuses in text and jsonb, and unpaired UTF-16 surrogates, which jsonb
 * refuses (`\ud800`) and text silently turns into U+FFFD. Neither is text a client means to send.
 * With the `u` flag `\p{Cs}` matches only unpaired surrogates: a valid pair is one code point.
 */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what this looks for
const BAD_CHARACTERS = /[\u0000\p{Cs}]/u;
// eslint-disable-next-line no-control-regex -- as above
const BAD_CHARACTERS_ALL = /[\u0000\p{Cs}]/gu;

/** Route config flag: the body is signed and checked by the handler (webhooks), see SignedRawBody. */
const SIGNED_BODY = 'tenderSignedBody';

/**
 * Marks a route whose raw body is signed by a third party (a provider's webhook): its body is not
 * refused for U+0000, because the signature must be checked first and a signed event must not be
 * lost for a character in a customer's name. The handler stores it through `withWellFormedText`.
 * Nesting depth is still bounded.
 */
export const SignedRawBody = () => RouteConfig({ [SIGNED_BODY]: true });

interface Finding {
  code: 'invalid_characters' | 'nesting_too_deep';
  param?: string;
}

/**
 * Walks a parsed value without recursion (an explicit stack, so 100,000 levels cost no stack) and
 * reports the first string or key holding a bad character, or the first container nested deeper
 * than `maxDepth`. `param` is the dotted path (`items.0.name`), prefixed by `root` if given.
 */
export function findBadInput(
  value: unknown,
  options: { root?: string; maxDepth?: number; characters?: boolean } = {},
): Finding | undefined {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  const characters = options.characters ?? true;
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value, path: options.root ?? '', depth: 0 },
  ];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (characters && BAD_CHARACTERS.test(v))
        return { code: 'invalid_characters', param: path || undefined };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > maxDepth) return { code: 'nesting_too_deep', param: path || undefined };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        stack.push({ value: v[i], path: join(path, String(i)), depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (characters && BAD_CHARACTERS.test(key)) {
        return {
          code: 'invalid_characters',
          param: join(path, key.replace(BAD_CHARACTERS_ALL, '?')),
        };
      }
      stack.push({
        value: (v as Record<string, unknown>)[key],
        path: join(path, key),
        depth: depth + 1,
      });
    }
  }
  return undefined;
}

/** The 400 for a finding, in the one error shape. */
export function inputError(finding: Finding): AppError {
  const where = finding.param ? `${finding.param}: ` : '';
  if (finding.code === 'nesting_too_deep') {
    return AppError.validation(
      `${where}JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
      finding.param,
      'nesting_too_deep',
    );
  }
  return AppError.validation(
    `${where}contains U+0000 or an unpaired surrogate, which is not allowed in text`,
    finding.param,
    'invalid_characters',
  );
}

/**
 * A copy of `value` in which every string and key has U+0000 and unpaired surrogates replaced by
 * U+FFFD, so it can be stored as jsonb. Only for signed third-party payloads (see SignedRawBody);
 * the values Tender acts on (ids, amounts, statuses) never contain them. Iterative like the walk.
 */
export function withWellFormedText<T>(value: T): T {
  const clean = (s: string) => s.replace(BAD_CHARACTERS_ALL, '\uFFFD');
  const fix = (v: unknown): unknown => {
    if (typeof v === 'string') return clean(v);
    if (typeof v !== 'object' || v === null) return v;
    return Array.isArray(v) ? new Array<unknown>(v.length) : {};
  };
  const root = fix(value);
  const stack: { from: unknown; to: unknown }[] = [{ from: value, to: root }];
  while (stack.length > 0) {
    const { from, to } = stack.pop()!;
    if (typeof from !== 'object' || from === null) continue;
    for (const [key, child] of Object.entries(from)) {
      const copy = fix(child);
      (to as Record<string, unknown>)[Array.isArray(from) ? key : clean(key)] = copy;
      stack.push({ from: child, to: copy });
    }
  }
  return root as T;
}

/**
 * One place where every request's path params, query and parsed body are checked, before any
 * guard, interceptor (the Idempotency-Key fingerprint), pipe or handler sees them — so no route
 * can forget it, and a route added tomorrow is covered. Runs as Fastify's `preValidation` hook:
 * after the body is parsed, before Nest's pipeline.
 */
export function registerInputGuard(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (req: FastifyRequest, _reply, done) => {
    const finding =
      findBadInput(req.params, { maxDepth: 1 }) ??
      findBadInput(req.query, { maxDepth: 2 }) ??
      findBadInput(req.body, { characters: !isSigned(req) });
    done(finding ? inputError(finding) : undefined);
  });
}

function isSigned(req: FastifyRequest): boolean {
  const config = req.routeOptions.config as unknown as Record<string, unknown> | undefined;
  return config?.[SIGNED_BODY] === true;
}
