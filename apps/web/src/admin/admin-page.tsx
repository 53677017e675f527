import type { ReactNode } from 'react';
import { SectionPage } from '../shell/tabs';

/** The admin's operations pages, one nav entry ("Admin") in the shell and these tabs inside. */
export const ADMIN_SECTIONS = [
  { to: '/admin', label: 'Dashboard' },
  { to: '/admin/payments', label: 'Payments' },
  { to: '/admin/webhooks', label: 'Webhook events' },
  { to: '/admin/dead-letters', label: 'Dead letters' },
  { to: '/admin/notifications', label: 'E-mail' },
  { to: '/admin/ledger', label: 'Ledger check' },
  // The directory (src/directory/): people and companies, with each user's wallets.
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/companies', label: 'Companies' },
] as const;

const TABS = { label: 'Admin sections', sections: ADMIN_SECTIONS };

export function AdminPage(props: { title: string; actions?: ReactNode; children: ReactNode }) {
  return <SectionPage tabs={TABS} {...props} />;
}
