// Stripe list objects and cursor pagination (`limit`, `starting_after`, `ending_before`).
import type Stripe from 'stripe';
import { invalidRequest } from './errors';
import type { ParamReader } from './params';

export function paginate<T extends { id: string }>(
  rows: T[],
  url: string,
  q: ParamReader,
): Stripe.ApiList<T> {
  const limit = q.int('limit') ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidRequest(
      'Invalid limit: must be an integer between 1 and 100.',
      'limit',
      'parameter_invalid_integer',
    );
  }
  const after = q.str('starting_after');
  const before = q.str('ending_before');
  let page: T[];
  let hasMore: boolean;
  if (before !== undefined && before !== '') {
    const idx = rows.findIndex((r) => r.id === before);
    if (idx === -1) throw invalidRequest(`No such object: '${before}'`, 'ending_before');
    const preceding = rows.slice(0, idx);
    page = preceding.slice(Math.max(0, preceding.length - limit));
    hasMore = preceding.length > limit;
  } else {
    let start = 0;
    if (after !== undefined && after !== '') {
      const idx = rows.findIndex((r) => r.id === after);
      if (idx === -1) throw invalidRequest(`No such object: '${after}'`, 'starting_after');
      start = idx + 1;
    }
    page = rows.slice(start, start + limit);
    hasMore = rows.length > start + limit;
  }
  return { object: 'list', data: page, has_more: hasMore, url };
}

export function listOf<T>(data: T[], url: string): Stripe.ApiList<T> {
  return { object: 'list', data, has_more: false, url };
}

/**
 * `created=…` (one timestamp) or `created[gt|gte|lt|lte]=…`, as every Stripe list takes them (and
 * other timestamps: a payout's `arrival_date`). The
 * range is an object, so it is read as one before anything reads `created` as a string.
 */
export function createdFilter(q: ParamReader, key = 'created'): (created: number) => boolean {
  if (!q.isObject(key)) {
    const exact = q.int(key);
    return exact === undefined ? () => true : (c) => c === exact;
  }
  const range = q.obj(key)!;
  range.allowOnly(['gt', 'gte', 'lt', 'lte']);
  const gt = range.int('gt');
  const gte = range.int('gte');
  const lt = range.int('lt');
  const lte = range.int('lte');
  return (c) =>
    (gt === undefined || c > gt) &&
    (gte === undefined || c >= gte) &&
    (lt === undefined || c < lt) &&
    (lte === undefined || c <= lte);
}
