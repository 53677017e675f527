import { Controller, Get, Inject, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '../identity';
import { Config } from '../platform/config/config';
import { Doc } from '../platform/http/doc';
import { cardEntryOf } from './card-entry';
import { PROVIDER_SETUP } from './payments.tokens';
import type { ProviderSetup } from './provider/stripe-client';
import { ConfigRateLimit } from './return-rate-limit.guard';

const ClientConfigView = z.object({
  cardEntry: z.enum(['stripe', 'sandbox']),
  publishableKey: z.string().optional(),
  sandboxUrl: z.string().optional(),
});

/** What the web app needs before it shows a card form: which card entry, and its public key. */
@ApiTags('payments')
@Controller('api/v1/config')
export class ClientConfigController {
  constructor(
    private readonly config: Config,
    @Inject(PROVIDER_SETUP) private readonly setup: ProviderSetup,
  ) {}

  @Public()
  @UseGuards(ConfigRateLimit)
  @Get()
  @Doc({
    summary:
      "The web app's card entry (public): Stripe Elements with a publishable key, or the sandbox's framed card form",
    response: ClientConfigView,
  })
  get() {
    return cardEntryOf(this.config, this.setup);
  }
}
