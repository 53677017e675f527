import { Injectable } from '@nestjs/common';
import type { Tx } from '../platform/database/database';
import type { UserRow } from './identity.schema';

/** A user's right to sell changed: they became, or stopped being, a live merchant. */
export interface SellerStatusChange {
  userId: string;
  canSell: boolean;
}

export interface SellerStatusListener {
  /** Inside the transaction that changes the user: the listener's own rows commit with it. */
  changed(tx: Tx, change: SellerStatusChange): Promise<void>;
  /** After that commit (e.g. invalidating caches, so no reader re-caches the old state). */
  committed?(change: SellerStatusChange): Promise<void>;
}

/** Only a live, enabled merchant sells: deleted, disabled or demoted users do not. */
export const canSell = (u: Pick<UserRow, 'role' | 'isActive' | 'deletedAt'>): boolean =>
  u.role === 'MERCHANT' && u.isActive && u.deletedAt === null;

/**
 * Identity tells other modules when a seller comes or goes, so they keep their own tables in step
 * without identity writing them or them reading identity's (the catalog takes a seller's products
 * off sale). Listeners register at module init.
 */
@Injectable()
export class SellerStatusHooks {
  private readonly listeners: SellerStatusListener[] = [];

  register(listener: SellerStatusListener): void {
    this.listeners.push(listener);
  }

  async changed(tx: Tx, change: SellerStatusChange): Promise<void> {
    for (const l of this.listeners) await l.changed(tx, change);
  }

  async committed(change: SellerStatusChange): Promise<void> {
    for (const l of this.listeners) await l.committed?.(change);
  }
}
