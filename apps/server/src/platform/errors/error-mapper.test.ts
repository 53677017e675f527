import { describe, expect, it } from 'vitest';
import { toAppError } from './error-mapper';

/** A driver error wrapped the way Drizzle wraps it (DrizzleQueryError → cause: pg error). */
const pgError = (code: string) =>
  Object.assign(new Error('Failed query'), { cause: Object.assign(new Error('pg'), { code }) });

describe('toAppError', () => {
  it('answers values PostgreSQL refused as 400s, never 500s', () => {
    for (const [sqlState, code] of [
      ['22003', 'value_out_of_range'], // bigint out of range
      ['22P05', 'invalid_characters'], // \u0000 in jsonb
      ['22021', 'invalid_characters'], // 0x00 in text
      ['22001', 'value_too_long'],
    ] as const) {
      const err = toAppError(pgError(sqlState));
      expect(err.status, sqlState).toBe(400);
      expect(err.code, sqlState).toBe(code);
    }
    expect(toAppError(pgError('23505')).status).toBe(500);
  });

  it('maps the router errors to stable codes with their status', () => {
    const bad = Object.assign(new Error('x'), { code: 'FST_ERR_BAD_URL', statusCode: 400 });
    expect(toAppError(bad)).toMatchObject({ status: 400, code: 'invalid_url' });
    const long = Object.assign(new Error('x'), {
      code: 'FST_ERR_MAX_PARAM_LENGTH',
      statusCode: 414,
    });
    expect(toAppError(long)).toMatchObject({ status: 414, code: 'path_parameter_too_long' });
  });
});
