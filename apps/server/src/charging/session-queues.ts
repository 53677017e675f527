/** The charging sessions' job queues (defined by the classes that run them). */
export const CAPTURE_QUEUE = 'charging.capture-session';
export const START_TIMEOUT_QUEUE = 'charging.start-timeout';
export const HOLD_GUARD_QUEUE = 'charging.guard-hold';
export const WATCH_QUEUE = 'charging.watch-sessions';

/** The payments core knows a session's payment by this payable type. */
export const SESSION_PAYABLE = 'charging_session';

/** Makes a link-mode session's payment link once its stop is in (queued with the completion). */
export const LINK_QUEUE = 'charging.create-link';
