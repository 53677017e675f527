/** The payments core knows a booking's payments by this payable type. */
export const BOOKING_PAYABLE = 'booking';

/** Sends the refund a cancelled (or no longer held) booking is due. */
export const REFUND_QUEUE = 'coworking.booking-refund';
/** Cancels a declined client intent at the provider, so it can take no money later. */
export const CLOSE_INTENTS_QUEUE = 'coworking.close-intents';
/** Releases bookings left unpaid past their hold window. */
export const HOLD_SWEEP_QUEUE = 'coworking.hold-sweep';
