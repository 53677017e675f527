import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors/app-error';
import { toOcppError } from './ocpp-gateway';
import { toConnectorStatus, upperSnake } from './ocpp-words';

describe('OCPP words', () => {
  it('spells OCPP statuses and error codes as our enums', () => {
    expect(toConnectorStatus('SuspendedEVSE')).toBe('SUSPENDED_EVSE');
    expect(toConnectorStatus('SuspendedEV')).toBe('SUSPENDED_EV');
    expect(() => toConnectorStatus('Sleeping')).toThrow();
    expect(upperSnake('EVCommunicationError')).toBe('EV_COMMUNICATION_ERROR');
    expect(upperSnake('NoError')).toBe('NO_ERROR');
    expect(upperSnake('OverCurrentFailure')).toBe('OVER_CURRENT_FAILURE');
  });
});

describe('toOcppError', () => {
  it('maps AppErrors to OCPP 1.6J CallError codes, keeping our code in the details', () => {
    const invalid = toOcppError(AppError.validation('connectorId is not ours', 'connectorId'));
    expect(invalid).toMatchObject({
      rpcErrorCode: 'PropertyConstraintViolation',
      details: { code: 'validation_failed' },
    });
    expect(toOcppError(new AppError('internal', 'internal_error', 'x'))).toMatchObject({
      rpcErrorCode: 'InternalError',
    });
    expect(toOcppError(AppError.notFound('transaction', '7'))).toMatchObject({
      rpcErrorCode: 'GenericError',
      details: { code: 'transaction_not_found' },
    });
  });
});
