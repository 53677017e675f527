import type { Role } from '../session/store';

/** Who sees a nav entry and may open its routes: anyone, any signed-in user, or these roles. */
export type Audience = 'anyone' | 'signed-in' | readonly Role[];

export interface NavEntry {
  to: string;
  label: string;
  audience: Audience;
}

/** The navigation, in order. A new page adds its entry here (and its route in routes.tsx). */
export const NAV: NavEntry[] = [
  { to: '/', label: 'Shop', audience: 'anyone' },
  { to: '/orders', label: 'Orders', audience: 'signed-in' },
  { to: '/wallet', label: 'Wallet', audience: 'signed-in' },
  { to: '/cards', label: 'Cards', audience: 'signed-in' },
  { to: '/membership', label: 'Membership', audience: 'signed-in' },
  // EV charging: stations, a connector's page, and the driver's sessions (linked from it).
  { to: '/charge', label: 'Charge', audience: 'signed-in' },
  { to: '/spaces', label: 'Spaces', audience: 'signed-in' },
  { to: '/merchant/products', label: 'Products', audience: ['MERCHANT'] },
  { to: '/merchant/sales', label: 'Sales', audience: ['MERCHANT'] },
  { to: '/merchant/earnings', label: 'Earnings', audience: ['MERCHANT'] },
  { to: '/admin', label: 'Admin', audience: ['ADMIN'] },
  { to: '/charging', label: 'Charging', audience: ['OPERATOR', 'ADMIN'] },
];

export function allowed(audience: Audience, role: Role | undefined): boolean {
  if (audience === 'anyone') return true;
  if (!role) return false;
  return audience === 'signed-in' || audience.includes(role);
}
