import { Controller, Get, Injectable, Param, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '../identity';
import { Doc } from '../platform/http/doc';
import { PublicRateLimit } from '../platform/rate-limit/public-rate-limit.guard';
import { Id } from './charging.inputs';
import { PublicConnector, PublicStation, StationDirectory } from './station-directory';

/** The drivers' directory: one per-IP window for its routes. */
@Injectable()
export class DirectoryRateLimit extends PublicRateLimit {
  protected readonly bucket = 'charging-directory';
}

const NearQuery = z
  .strictObject({
    lat: z.coerce.number().min(-90).max(90).optional(),
    lng: z.coerce.number().min(-180).max(180).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((q) => (q.lat === undefined) === (q.lng === undefined), {
    message: 'Send both lat and lng, or neither',
    path: ['lng'],
  });

@ApiTags('charging')
@Controller('api/v1/charging')
@Public()
@UseGuards(DirectoryRateLimit)
export class DirectoryController {
  constructor(private readonly directory: StationDirectory) {}

  @Get('stations')
  @Doc({
    summary:
      'Stations for drivers, nearest first when `lat` and `lng` are given (else by name), with free connectors and the price, tax included; public, rate-limited',
    response: z.object({ data: z.array(PublicStation) }),
  })
  async stations(@Query({ schema: NearQuery }) q: z.infer<typeof NearQuery>) {
    return { data: await this.directory.near(q) };
  }

  @Get('connectors/:id')
  @Doc({
    summary:
      'A connector’s public page (the QR code’s link): its status, station and price before the start; public, rate-limited',
    response: PublicConnector,
  })
  connector(@Param('id', { schema: Id }) id: string) {
    return this.directory.connector(id);
  }
}
