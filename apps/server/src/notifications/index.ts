// notifications' public face: what other modules (and the composition root) may import.
// Everything else in this folder is internal; `npm run lint` fails on a deep import from outside.
export { NotificationsModule } from './notifications.module';
export { Mailer, MAIL_QUEUE, type MailMessage } from './mailer';
export type { MailMessageRow, MailStatus } from './notifications.schema';
