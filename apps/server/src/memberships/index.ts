// memberships' public face: what other modules (and the composition root) may import.
// Everything else in this folder is internal; `npm run lint` fails on a deep import from outside.
export { MembershipsModule } from './memberships.module';
export { Memberships } from './memberships';
export { creditUnit, type SpendInput } from './credits';
export type { CreditTransactionRow } from './memberships.schema';
