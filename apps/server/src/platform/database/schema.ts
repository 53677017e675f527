// Every module's tables, gathered for Drizzle and drizzle-kit. Modules own their table files;
// this list is the only place that names them all.
export * from '../../catalog/catalog.schema';
export * from '../../identity/identity.schema';
export * from '../../ledger/ledger.schema';
export * from '../../orders/orders.schema';
export * from '../../payments/payments.schema';
export * from '../idempotency/idempotency.schema';
export * from '../../wallet/wallet.schema';
