import { z } from 'zod';
import { toJsonNumber } from '../platform/money';
import type { ProductRow } from './catalog.schema';

export const ProductView = z.object({
  id: z.string(),
  merchantId: z.string(),
  name: z.string(),
  description: z.string(),
  price: z.number().int(),
  currency: z.string(),
  availableUnits: z.number().int(),
  initialUnits: z.number().int(),
  isActive: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type ProductView = z.infer<typeof ProductView>;

export function toProductView(p: ProductRow): ProductView {
  return {
    id: p.id,
    merchantId: p.merchantId,
    name: p.name,
    description: p.description,
    price: toJsonNumber(p.price),
    currency: p.currency,
    availableUnits: p.availableUnits,
    initialUnits: p.initialUnits,
    isActive: p.isActive,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    deletedAt: p.deletedAt?.toISOString() ?? null,
  };
}
