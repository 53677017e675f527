import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ADMIN_ROUTES } from './admin/routes';
import { OPERATOR_CHARGING_ROUTES } from './charging/operator/routes';
import { CompaniesPage, CompanyPage } from './directory/companies-pages';
import { UserPage, UsersPage } from './directory/users-pages';
import { EarningsPage } from './merchant/earnings-page';
import { EditProductPage, NewProductPage } from './merchant/product-pages';
import { MerchantProductsPage } from './merchant/products-page';
import { SalePage, SalesPage } from './merchant/sales-pages';
import { LoginPage, SignupPage } from './session/auth-pages';
import type { Audience } from './shell/nav';
import { OrderPage, OrdersPage } from './shop/orders-page';
import { ProductPage } from './shop/product-page';
import { ProductsPage } from './shop/products-page';
import { WalletPage } from './wallet/wallet-page';
import { CardsPage } from './cards/cards-page';
import { MembershipPage } from './memberships/membership-page';
import { PaymentPage } from './payment/payment-page';
import { ConnectorPage } from './charging/driver/connector-page';
import { SessionPage } from './charging/driver/session-page';
import { SessionsPage } from './charging/driver/sessions-page';
import { StationsPage } from './charging/driver/stations-page';
import { GuestSessionPage } from './charging/guest/guest-session-page';
import { BookingsPage } from './coworking/bookings-page';
import { SpacesPage } from './coworking/spaces-page';

/** Every route of the app and who may open it. A new page adds one line here. */
export const ROUTES: { path: string; audience: Audience; page: ReactNode }[] = [
  { path: '/', audience: 'anyone', page: <ProductsPage /> },
  { path: '/products/:id', audience: 'anyone', page: <ProductPage /> },
  { path: '/login', audience: 'anyone', page: <LoginPage /> },
  { path: '/signup', audience: 'anyone', page: <SignupPage /> },
  { path: '/orders', audience: 'signed-in', page: <OrdersPage /> },
  { path: '/orders/:id', audience: 'signed-in', page: <OrderPage /> },
  { path: '/wallet', audience: 'signed-in', page: <WalletPage /> },
  { path: '/cards', audience: 'signed-in', page: <CardsPage /> },
  { path: '/membership', audience: 'signed-in', page: <MembershipPage /> },
  { path: '/payments/:id', audience: 'signed-in', page: <PaymentPage /> },
  // EV drivers. A connector's page is what its QR code opens: public (price, status), starting
  // needs a session. Static segments outrank `:connectorId`, so /charge/sessions is never one.
  { path: '/charge', audience: 'signed-in', page: <StationsPage /> },
  { path: '/charge/sessions', audience: 'signed-in', page: <SessionsPage /> },
  { path: '/charge/sessions/:id', audience: 'signed-in', page: <SessionPage /> },
  { path: '/charge/:connectorId', audience: 'anyone', page: <ConnectorPage /> },
  // A guest's session (no account): opened only by its link, the key in the URL fragment.
  { path: '/charge/guest/:sessionId', audience: 'anyone', page: <GuestSessionPage /> },
  // Coworking (seed 004): book a space, pay it, my bookings (cancel with the policy's refund).
  { path: '/spaces', audience: 'signed-in', page: <SpacesPage /> },
  { path: '/bookings', audience: 'signed-in', page: <BookingsPage /> },
  // Merchant back office, then the admin's directory of users (with their wallets) and companies:
  // tabs of the Admin area (admin/admin-page.tsx), like the operations pages.
  { path: '/merchant/products', audience: ['MERCHANT'], page: <MerchantProductsPage /> },
  { path: '/merchant/products/new', audience: ['MERCHANT'], page: <NewProductPage /> },
  { path: '/merchant/products/:id', audience: ['MERCHANT'], page: <EditProductPage /> },
  { path: '/merchant/sales', audience: ['MERCHANT'], page: <SalesPage /> },
  { path: '/merchant/sales/:id', audience: ['MERCHANT'], page: <SalePage /> },
  { path: '/merchant/earnings', audience: ['MERCHANT'], page: <EarningsPage /> },
  { path: '/admin/users', audience: ['ADMIN'], page: <UsersPage /> },
  { path: '/admin/users/:id', audience: ['ADMIN'], page: <UserPage /> },
  { path: '/admin/companies', audience: ['ADMIN'], page: <CompaniesPage /> },
  { path: '/admin/companies/:id', audience: ['ADMIN'], page: <CompanyPage /> },
  // The directory's first address: a bookmark of it still opens the page.
  { path: '/directory/*', audience: ['ADMIN'], page: <MovedToAdmin /> },
  ...ADMIN_ROUTES,
  // EV charging: the operator's stations, chargers and tariffs (admins see every company's).
  ...OPERATOR_CHARGING_ROUTES,
];

function MovedToAdmin() {
  const { pathname, search } = useLocation();
  return <Navigate to={pathname.replace(/^\/directory/, '/admin') + search} replace />;
}
