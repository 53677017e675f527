// Linted as a wallet file: another module's schema must fail. Linted as wallet's own *.schema.ts, it
// passes: a schema file may import another module's `<module>.schema` for a foreign key.
import { users } from '../identity/identity.schema';

export const table = users;
