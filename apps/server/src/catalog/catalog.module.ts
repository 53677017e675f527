import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity';
import { CacheModule } from '../platform/cache/cache.module';
import { CatalogService } from './catalog.service';
import { OptionalAuthGuard } from './optional-auth.guard';
import { OwnProducts } from './own-products';
import { ProductsController } from './products.controller';
import { SellerVisibility } from './seller-visibility';

/** Merchant products and their stock; orders reserve and release units through CatalogService. */
@Module({
  imports: [IdentityModule, CacheModule],
  controllers: [ProductsController],
  providers: [CatalogService, OptionalAuthGuard, OwnProducts, SellerVisibility],
  exports: [CatalogService],
})
export class CatalogModule {}
