import { Badge } from '@chakra-ui/react';
import type { MailStatus, PaymentMethod, PaymentStatus, WebhookState } from './queries';

/** Words and colours for the admin's enums; the charts use the same colours as the badges. */
interface Look {
  label: string;
  palette: string;
}

export const PAYMENT_STATUS_LOOK: Record<PaymentStatus, Look> = {
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

const WEBHOOK_LOOK: Record<WebhookState, Look> = {
  PENDING: { label: 'Pending', palette: 'blue' },
  APPLIED: { label: 'Applied', palette: 'green' },
  FAILED: { label: 'Failed', palette: 'red' },
};
export const webhookStateLabel = (s: WebhookState) => WEBHOOK_LOOK[s].label;

/** A value's word in its colour; `data-<attr>` carries the raw value for tests. */
function LookBadge({ look, attr, value }: { look: Look; attr: string; value: string }) {
  return (
    <Badge colorPalette={look.palette} variant="subtle" {...{ [`data-${attr}`]: value }}>
      {look.label}
    </Badge>
  );
}

export const PaymentStatusBadge = ({ status }: { status: PaymentStatus }) => (
  <LookBadge look={PAYMENT_STATUS_LOOK[status]} attr="status" value={status} />
);

export const WebhookStateBadge = ({ state }: { state: WebhookState }) => (
  <LookBadge look={WEBHOOK_LOOK[state]} attr="state" value={state} />
);

const MAIL_LOOK: Record<MailStatus, Look> = {
  QUEUED: { label: 'Queued', palette: 'blue' },
  SENT: { label: 'Sent', palette: 'green' },
  FAILED: { label: 'Failed', palette: 'red' },
};
export const mailStatusLabel = (s: MailStatus) => MAIL_LOOK[s].label;

export const MailStatusBadge = ({ status }: { status: MailStatus }) => (
  <LookBadge look={MAIL_LOOK[status]} attr="status" value={status} />
);
