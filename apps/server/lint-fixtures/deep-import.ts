// Linted as a wallet file: a deep import into identity must fail.
import { UsersService } from '../identity/users.service';

export const service = UsersService;
