// `expand[]=a.b.c`: replaces id strings with the objects they name, level by level. Some fields
// are only ever returned when expanded ("includable"); `virtuals` computes those.
import { own } from './dict';
import { invalidRequest } from './errors';

export type Resolver = (id: string) => object | undefined;
export type Virtual = (obj: Record<string, unknown>) => unknown;

export interface ExpandContext {
  resolve: Resolver;
  virtuals: Record<string, Record<string, Virtual>>;
}

const MAX_DEPTH = 4;

export function expand(root: unknown, paths: string[], ctx: ExpandContext): void {
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.length > MAX_DEPTH) {
      throw invalidRequest(
        `You cannot expand more than ${MAX_DEPTH} levels of a property. Property: ${path}`,
        'expand',
      );
    }
    expandAt(root, segments, ctx, path);
  }
}

function expandAt(node: unknown, segments: string[], ctx: ExpandContext, path: string): void {
  if (segments.length === 0 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) expandAt(item, segments, ctx, path);
    return;
  }
  const obj = node as Record<string, unknown>;
  const [field, ...rest] = segments as [string, ...string[]];
  const kind = typeof obj.object === 'string' ? obj.object : '';
  // Field names come from the client: only own fields expand (never `constructor`, `__proto__`).
  const byKind = own(ctx.virtuals, kind);
  const virtual = byKind === undefined ? undefined : own(byKind, field);
  const present = Object.hasOwn(obj, field);
  let value = present ? obj[field] : undefined;
  if (virtual !== undefined && (value === undefined || typeof value === 'string')) {
    value = virtual(obj);
  } else if (typeof value === 'string') {
    const found = ctx.resolve(value);
    if (found === undefined) return;
    value = structuredClone(found);
  } else if (value === undefined && !present) {
    throw invalidRequest(
      `This property cannot be expanded (${field}). You may want to try expanding 'data.${path}' instead.`,
      'expand',
    );
  }
  obj[field] = value;
  if (field === 'data' && Array.isArray(value)) {
    for (const item of value) expandAt(item, rest, ctx, path);
    return;
  }
  // Expanding into a list expands each of its items.
  if (
    value !== null &&
    typeof value === 'object' &&
    (value as { object?: unknown }).object === 'list'
  ) {
    expandAt((value as { data: unknown }).data, rest, ctx, path);
    return;
  }
  expandAt(value, rest, ctx, path);
}
