import { Module } from '@nestjs/common';
import { Config } from '../platform/config/config';
import { MailDelivery } from './mail-delivery';
import { MailMessagesQuery } from './mail-messages.query';
import { mailTransportFor, MailTransport } from './mail-transport';
import { Mailer } from './mailer';
import { NotificationsController } from './notifications.controller';

/**
 * Notifications: e-mail stored with the change it tells of and sent by a job, over SMTP
 * (SMTP_URL) or as `.eml` files under DATA_DIR/mail.
 */
@Module({
  controllers: [NotificationsController],
  providers: [
    Mailer,
    MailDelivery,
    MailMessagesQuery,
    {
      provide: MailTransport,
      useFactory: (config: Config) => mailTransportFor(config),
      inject: [Config],
    },
  ],
  exports: [Mailer],
})
export class NotificationsModule {}
