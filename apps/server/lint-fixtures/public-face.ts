// Linted as a file in a wallet subfolder: the public faces (index.ts) and platform/ are allowed.
import { UsersService } from '../../identity';
import { LedgerService } from '../../ledger';
import { newId } from '../../platform/ids/ids';

export const allowed = [UsersService, LedgerService, newId];
