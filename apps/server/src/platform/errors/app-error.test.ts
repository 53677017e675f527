import { describe, expect, it } from 'vitest';
import { AppError, ERROR_KINDS } from './app-error';

describe('AppError', () => {
  it('maps each kind to one status and a body of the documented shape', () => {
    for (const kind of Object.keys(ERROR_KINDS) as (keyof typeof ERROR_KINDS)[]) {
      const err = new AppError(kind, 'some_code', 'Something');
      expect(err.status).toBe(ERROR_KINDS[kind].status);
      expect(err.toBody()).toEqual({
        error: { type: ERROR_KINDS[kind].type, code: 'some_code', message: 'Something' },
      });
    }
  });

  it('names the faulty field in validation errors', () => {
    expect(AppError.validation('Required', 'email').toBody().error.param).toBe('email');
  });

  it('builds not-found codes from the resource name', () => {
    const err = AppError.notFound('user', 'usr_1');
    expect(err.status).toBe(404);
    expect(err.code).toBe('user_not_found');
    expect(err.message).toContain('usr_1');
  });
});
