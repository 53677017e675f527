import type { ReactNode } from 'react';
import { ADMIN_ROUTES } from './admin/routes';
import { LoginPage, SignupPage } from './session/auth-pages';
import type { Audience } from './shell/nav';
import { OrderPage, OrdersPage } from './shop/orders-page';
import { ProductPage } from './shop/product-page';
import { ProductsPage } from './shop/products-page';
import { WalletPage } from './wallet/wallet-page';

/** Every route of the app and who may open it. A new page adds one line here. */
export const ROUTES: { path: string; audience: Audience; page: ReactNode }[] = [
  { path: '/', audience: 'anyone', page: <ProductsPage /> },
  { path: '/products/:id', audience: 'anyone', page: <ProductPage /> },
  { path: '/login', audience: 'anyone', page: <LoginPage /> },
  { path: '/signup', audience: 'anyone', page: <SignupPage /> },
  { path: '/orders', audience: 'signed-in', page: <OrdersPage /> },
  { path: '/orders/:id', audience: 'signed-in', page: <OrderPage /> },
  { path: '/wallet', audience: 'signed-in', page: <WalletPage /> },
  ...ADMIN_ROUTES,
];
