// Linted as a file at the root of src (app.module.ts, main.ts): only `./<module>` is allowed.
import { OrdersModule } from './orders/orders.module';

export const module = OrdersModule;
