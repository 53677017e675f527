import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  Patch,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Public, Roles, type UserRow } from '../identity';
import { Doc } from '../platform/http/doc';
import { AmountSchema, CurrencySchema } from '../platform/money';
import { PageQuery, pageSchema } from '../platform/http/pagination';
import { CatalogService, MAX_UNITS } from './catalog.service';
import { OptionalAuthGuard, OptionalUser } from './optional-auth.guard';
import { OwnProducts } from './own-products';
import { ProductView } from './products.view';

const ProductId = z.string().min(1).max(64);
const Name = z.string().trim().min(1).max(200);
const Description = z.string().max(5000);
// Minor units as a JSON integer, at most MAX_AMOUNT; bigint inside. Zero-priced products are
// refused (CHECK price > 0).
const Price = AmountSchema.transform((v) => BigInt(v));
const Units = z.number().int().min(0).max(MAX_UNITS);

const CreateBody = z
  .strictObject({
    name: Name,
    description: Description.optional(),
    price: Price,
    currency: CurrencySchema.default('usd'),
    initialUnits: Units,
    /** Defaults to initialUnits (a fresh product has sold nothing). */
    availableUnits: Units.optional(),
    isActive: z.boolean().optional(),
    merchantId: z.string().min(1).max(64).optional(),
  })
  .refine((b) => b.availableUnits === undefined || b.availableUnits <= b.initialUnits, {
    message: 'must not exceed initialUnits',
    path: ['availableUnits'],
  });

const PatchBody = z
  .strictObject({
    name: Name.optional(),
    description: Description.optional(),
    price: Price.optional(),
    currency: CurrencySchema.optional(),
    isActive: z.boolean().optional(),
    addUnits: z.number().int().min(1).max(MAX_UNITS).optional(),
    version: z.number().int().min(1).max(2_147_483_647).optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), {
    message: 'Send at least one field to change',
  });

const ListQuery = PageQuery.extend({ merchantId: z.string().min(1).max(64).optional() });
const MineQuery = ListQuery.extend({ q: z.string().trim().max(200).optional() });

@ApiTags('products')
@Controller('api/v1/products')
export class ProductsController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly own: OwnProducts,
  ) {}

  @Post()
  @Roles('MERCHANT', 'ADMIN')
  @Doc({
    summary: 'Create a product (merchant; admins may name a merchantId)',
    status: 201,
    response: ProductView,
  })
  create(
    @CurrentUser() actor: UserRow,
    @Body({ schema: CreateBody }) body: z.infer<typeof CreateBody>,
  ) {
    return this.catalog.create(actor, body);
  }

  @Get()
  @Public()
  @Doc({
    summary: 'Active products, newest first (cached up to 60 s: stock shown may lag)',
    response: pageSchema(ProductView),
  })
  list(@Query({ schema: ListQuery }) query: z.infer<typeof ListQuery>) {
    return this.catalog.list(query);
  }

  @Get('mine')
  @Roles('MERCHANT', 'ADMIN')
  @Doc({
    summary:
      'Your own products, newest first, inactive ones included (`q`: text in name or description; admins may name a merchantId)',
    response: pageSchema(ProductView),
  })
  mine(
    @CurrentUser() actor: UserRow,
    @Query({ schema: MineQuery }) query: z.infer<typeof MineQuery>,
  ) {
    return this.own.list(actor, { ...query, q: query.q || undefined });
  }

  @Get(':id')
  @Public()
  @UseGuards(OptionalAuthGuard)
  @Doc({
    summary: 'A product; inactive or deleted ones only for their merchant or an admin',
    response: ProductView,
  })
  get(@OptionalUser() actor: UserRow | undefined, @Param('id', { schema: ProductId }) id: string) {
    return this.catalog.getVisible(actor, id);
  }

  @Patch(':id')
  @Doc({
    summary:
      'Edit (merchant or admin): name, description, price, currency, isActive, addUnits to restock',
    response: ProductView,
  })
  update(
    @CurrentUser() actor: UserRow,
    @Param('id', { schema: ProductId }) id: string,
    @Body({ schema: PatchBody }) body: z.infer<typeof PatchBody>,
  ) {
    return this.catalog.update(actor, id, body);
  }

  @Delete(':id')
  @Doc({ summary: 'Soft-delete a product (merchant or admin)', status: 204 })
  async remove(@CurrentUser() actor: UserRow, @Param('id', { schema: ProductId }) id: string) {
    await this.catalog.softDelete(actor, id);
  }
}
