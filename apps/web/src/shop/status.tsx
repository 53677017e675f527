import { Badge } from '@chakra-ui/react';
import type { OrderStatus } from './queries';

const LOOK: Record<OrderStatus, { label: string; palette: string }> = {
  PENDING: { label: 'Pending', palette: 'gray' },
  PAYMENT_PROCESSING: { label: 'Payment processing', palette: 'blue' },
  COMPLETED: { label: 'Paid', palette: 'green' },
  FAILED: { label: 'Failed', palette: 'red' },
  CANCELLED: { label: 'Cancelled', palette: 'orange' },
  REFUNDED: { label: 'Refunded', palette: 'purple' },
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const look = LOOK[status];
  return (
    <Badge colorPalette={look.palette} variant="subtle" data-status={status}>
      {look.label}
    </Badge>
  );
}
