// ledger's public face: what other modules may import from the ledger.
// Everything else in this folder is internal; `npm run lint` fails on a deep import from outside.
export { LedgerModule } from './ledger.module';
export {
  LedgerService,
  ledgerRefusal,
  postCall,
  walletLocked,
  type EntryInput,
} from './ledger.service';
export {
  LedgerHistory,
  type HistoryFilter,
  type HistoryItem,
  type HistoryMatch,
  type HistoryPage,
  type HistoryPageRequest,
} from './ledger-history';
export type { EntryKind, JournalEntryRow, LedgerAccountRow } from './ledger.schema';
export {
  booksAgainstProvider,
  checkInvariants,
  LEDGER_INVARIANTS,
  runInvariants,
  type Invariant,
  type InvariantResult,
  type Violation,
} from './verify';
