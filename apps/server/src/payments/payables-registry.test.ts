import { describe, expect, it } from 'vitest';
import type { Tx } from '../platform/database/database';
import { AppError } from '../platform/errors/app-error';
import { PayablesRegistry, type PaymentDomainEvent } from './payables-registry';
import type { PaymentRow } from './payments.schema';

const tx = {} as Tx;
const event = (payableType: string): PaymentDomainEvent => ({
  type: 'payment.succeeded',
  payment: { id: 'pay_1', payableType, payableId: 'x_1' } as PaymentRow,
  previousStatus: 'CREATED',
});

describe('PayablesRegistry', () => {
  it('hands each event to the handler of its payable type, inside the given transaction', async () => {
    const registry = new PayablesRegistry();
    const told: [string, Tx, PaymentDomainEvent][] = [];
    const record = (type: string) => (t: Tx, e: PaymentDomainEvent) => {
      told.push([type, t, e]);
      return Promise.resolve();
    };
    registry.register('order', record('order'));
    registry.register('wallet_deposit', record('wallet_deposit'));
    const e = event('wallet_deposit');
    await registry.dispatch(tx, e);
    expect(told).toEqual([['wallet_deposit', tx, e]]);
  });

  it('refuses an event for a payable type nobody registered with an internal AppError', async () => {
    const registry = new PayablesRegistry();
    registry.register('order', () => Promise.resolve());
    const refused = await registry.dispatch(tx, event('orders')).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      kind: 'internal',
      status: 500,
      code: 'payable_type_unregistered',
      message: "No payable handler for type 'orders' (payment pay_1, payment.succeeded)",
    });
  });

  it('a handler that throws fails the dispatch (its transaction rolls back)', async () => {
    const registry = new PayablesRegistry();
    registry.register('order', () => Promise.reject(new Error('booking failed')));
    await expect(registry.dispatch(tx, event('order'))).rejects.toThrow('booking failed');
  });

  it('refuses a second handler for one type', () => {
    const registry = new PayablesRegistry();
    registry.register('order', () => Promise.resolve());
    expect(() => registry.register('order', () => Promise.resolve())).toThrow(
      "payable type 'order' registered twice",
    );
  });
});
