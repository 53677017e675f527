import { ilike, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * A LIKE pattern matching `text` anywhere, with LIKE's own wildcards in it taken literally: a search
 * for "50%" or "a_b" finds exactly that, not everything. Backslash is PostgreSQL's default LIKE
 * escape character.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Case-insensitive "contains `text`" over any of the columns; undefined (no filter) for no text. */
export function matchesText(text: string | undefined, columns: PgColumn[]): SQL | undefined {
  if (!text) return undefined;
  const pattern = containsPattern(text);
  return or(...columns.map((c) => ilike(c, pattern)));
}
