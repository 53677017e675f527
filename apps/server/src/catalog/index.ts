// catalog's public face: what other modules (and the composition root) may import from catalog.
// Everything else in this folder is internal; `npm run lint` fails on a deep import from outside.
export { CatalogModule } from './catalog.module';
export { CatalogService, MAX_UNITS } from './catalog.service';
export { seedDemoProducts } from './demo-products';
export type { ProductRow } from './catalog.schema';
