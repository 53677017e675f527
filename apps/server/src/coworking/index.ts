// coworking's public face: what other modules (and the composition root) may import from coworking.
// Everything else in this folder is internal; `npm run lint` fails on a deep import from outside.
export { CoworkingModule } from './coworking.module';
export { COWORKING_INVARIANTS } from './coworking.invariants';
export { BOOKING_PAYABLE } from './coworking.queues';
