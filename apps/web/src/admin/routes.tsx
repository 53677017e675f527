import type { ReactNode } from 'react';
import type { Audience } from '../shell/nav';
import { DashboardPage } from './dashboard-page';
import { DeadLettersPage } from './dead-letters-page';
import { LedgerPage } from './ledger-page';
import { NotificationsPage } from './notifications-page';
import { PaymentPage } from './payment-page';
import { PaymentsPage } from './payments-page';
import { WebhookEventPage, WebhooksPage } from './webhooks-page';

const ADMIN: Audience = ['ADMIN'];

/** The admin's operations pages (routes.tsx spreads them in; the tabs are in admin-page.tsx). */
export const ADMIN_ROUTES: { path: string; audience: Audience; page: ReactNode }[] = [
  { path: '/admin', audience: ADMIN, page: <DashboardPage /> },
  { path: '/admin/payments', audience: ADMIN, page: <PaymentsPage /> },
  { path: '/admin/payments/:id', audience: ADMIN, page: <PaymentPage /> },
  { path: '/admin/webhooks', audience: ADMIN, page: <WebhooksPage /> },
  { path: '/admin/webhooks/:id', audience: ADMIN, page: <WebhookEventPage /> },
  { path: '/admin/dead-letters', audience: ADMIN, page: <DeadLettersPage /> },
  { path: '/admin/notifications', audience: ADMIN, page: <NotificationsPage /> },
  { path: '/admin/ledger', audience: ADMIN, page: <LedgerPage /> },
];
