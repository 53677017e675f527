// Linted as a file in payments/provider/: a deep import two levels up must fail as well.
import { UsersService } from '../../identity/users.service';

export const service = UsersService;
