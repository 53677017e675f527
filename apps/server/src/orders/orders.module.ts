import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog';
import { IdentityModule } from '../identity';
import { LedgerModule } from '../ledger';
import { NotificationsModule } from '../notifications';
import { PaymentsModule } from '../payments';
import { GatewayOrders } from './gateway-orders';
import { MerchantEarnings } from './merchant-earnings';
import { OrderBooks } from './order-books';
import { OrderDrafts } from './order-drafts';
import { OrderPayments } from './order-payments';
import { OrderReceipts } from './order-receipts';
import { OrderRecovery } from './order-recovery';
import { OrderRefunds } from './order-refunds';
import { OrderRefundRecords } from './order-refund-records';
import { OrderSettlements } from './order-settlements';
import { OrderReturnsController, OrdersController } from './orders.controller';
import { OrdersQuery } from './orders.query';
import { OrdersService } from './orders.service';
import { UnfulfillableRefunds } from './unfulfillable-refunds';
import { UnlinkedOrders } from './unlinked-orders';
import { WalletOrders } from './wallet-orders';

/**
 * Orders: buying products from the wallet or through the gateway, refunds, and the recovery of
 * gateway orders whose request died half-way.
 */
@Module({
  imports: [IdentityModule, LedgerModule, PaymentsModule, CatalogModule, NotificationsModule],
  controllers: [OrdersController, OrderReturnsController],
  providers: [
    OrdersService,
    OrderDrafts,
    WalletOrders,
    GatewayOrders,
    OrdersQuery,
    MerchantEarnings,
    OrderBooks,
    OrderRefunds,
    OrderRefundRecords,
    OrderPayments,
    OrderSettlements,
    OrderReceipts,
    OrderRecovery,
    UnlinkedOrders,
    UnfulfillableRefunds,
  ],
  exports: [OrdersService],
})
export class OrdersModule {}
