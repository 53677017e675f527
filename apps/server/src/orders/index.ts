// orders' public face: what other modules (and the composition root) may import from orders.
// Everything else in this folder is internal; `npm run lint` fails on a deep import from outside.
export { OrdersModule } from './orders.module';
export { OrdersService } from './orders.service';
export { ORDER_INVARIANTS } from './orders.invariants';
