import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SellerStatusHooks } from '../identity';
import { CatalogService } from './catalog.service';

/**
 * A merchant who is deleted, disabled or demoted stops selling at once: identity tells us (in its
 * transaction) and we mark their products `seller_active = false` — off the listing, 404 on read
 * and on order — so nobody pays into a wallet nobody can see. Restored: back on sale. Identity
 * never writes our table and we never read its.
 */
@Injectable()
export class SellerVisibility implements OnModuleInit {
  constructor(
    private readonly hooks: SellerStatusHooks,
    private readonly catalog: CatalogService,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      changed: (tx, c) => this.catalog.setSellerActive(tx, c.userId, c.canSell),
      committed: (c) => this.catalog.sellerChanged(c.userId),
    });
  }
}
