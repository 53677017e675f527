import { Badge } from '@chakra-ui/react';
import type { MailStatus, PaymentMethod, PaymentStatus, WebhookState } from './queries';

/** Words and colours for the admin's enums; the charts use the same colours as the badges. */
export const PAYMENT_STATUS_LOOK: Record<PaymentStatus, { label: string; palette: string }> = {
  CREATED: { label: 'Created', palette: 'gray' },
  REQUIRES_ACTION: { label: 'Needs action', palette: 'yellow' },
  PROCESSING: { label: 'Processing', palette: 'blue' },
  AUTHORIZED: { label: 'Authorized', palette: 'cyan' },
  SUCCEEDED: { label: 'Succeeded', palette: 'green' },
  PARTIALLY_REFUNDED: { label: 'Partly refunded', palette: 'purple' },
  REFUNDED: { label: 'Refunded', palette: 'pink' },
  FAILED: { label: 'Failed', palette: 'red' },
  EXPIRED: { label: 'Expired', palette: 'orange' },
  CANCELLED: { label: 'Cancelled', palette: 'gray' },
};

export const METHOD_LABEL: Record<PaymentMethod, string> = {
  CARD: 'Card',
  CARD_LINK: 'Card (hosted page)',
  CRYPTO_LINK: 'Crypto (hosted page)',
  WALLET: 'Wallet',
};

/** What a payment was for, in words (the core knows payables only by type). */
export const PAYABLE_LABEL: Record<string, string> = {
  wallet_deposit: 'Wallet top-up',
  order: 'Order',
};
export const payableLabel = (type: string) => PAYABLE_LABEL[type] ?? type;

const WEBHOOK_LOOK: Record<WebhookState, { label: string; palette: string }> = {
  PENDING: { label: 'Pending', palette: 'blue' },
  APPLIED: { label: 'Applied', palette: 'green' },
  FAILED: { label: 'Failed', palette: 'red' },
};
export const webhookStateLabel = (s: WebhookState) => WEBHOOK_LOOK[s].label;

export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  const look = PAYMENT_STATUS_LOOK[status];
  return (
    <Badge colorPalette={look.palette} variant="subtle" data-status={status}>
      {look.label}
    </Badge>
  );
}

export function WebhookStateBadge({ state }: { state: WebhookState }) {
  const look = WEBHOOK_LOOK[state];
  return (
    <Badge colorPalette={look.palette} variant="subtle" data-state={state}>
      {look.label}
    </Badge>
  );
}

const MAIL_LOOK: Record<MailStatus, { label: string; palette: string }> = {
  QUEUED: { label: 'Queued', palette: 'blue' },
  SENT: { label: 'Sent', palette: 'green' },
  FAILED: { label: 'Failed', palette: 'red' },
};
export const mailStatusLabel = (s: MailStatus) => MAIL_LOOK[s].label;

export function MailStatusBadge({ status }: { status: MailStatus }) {
  const look = MAIL_LOOK[status];
  return (
    <Badge colorPalette={look.palette} variant="subtle" data-status={status}>
      {look.label}
    </Badge>
  );
}
