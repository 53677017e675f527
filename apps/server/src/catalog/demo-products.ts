import { eq } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/database/database';
import { newId } from '../platform/ids/ids';
import { products } from './catalog.schema';

/** What the demo merchant sells on a fresh install, so the marketplace has something to buy. */
const DEMO_PRODUCTS = [
  { name: 'Type 2 charging cable, 7 m', price: 18_900n, units: 25 },
  { name: 'Wall box mounting kit', price: 4_500n, units: 40 },
  { name: 'Coworking day pass', price: 2_500n, units: 100 },
] as const;

/**
 * Products of the demo merchant (its user id, from identity's `seedDemoData` via the composition
 * root), on the first start only: nothing happens if the merchant already sells something. Returns
 * how many were created.
 */
export async function seedDemoProducts(
  database: Database,
  clock: Clock,
  merchantId: string,
): Promise<number> {
  const [existing] = await database.db
    .select({ id: products.id })
    .from(products)
    .where(eq(products.merchantId, merchantId))
    .limit(1);
  if (existing) return 0;
  const now = clock.now();
  await database.db.insert(products).values(
    DEMO_PRODUCTS.map((p) => ({
      id: newId('product', now.getTime()),
      merchantId,
      name: p.name,
      price: p.price,
      currency: 'usd',
      initialUnits: p.units,
      availableUnits: p.units,
      createdAt: now,
      updatedAt: now,
    })),
  );
  return DEMO_PRODUCTS.length;
}
