import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { CurrentUser, Roles, type UserRow } from '../identity';
import { Doc } from '../platform/http/doc';
import { pageSchema } from '../platform/http/pagination';
import {
  CompanyListQuery,
  CreateStation,
  CreateTariff,
  Id,
  PatchStation,
  PatchTariff,
} from './charging.inputs';
import { StationView, TariffView } from './charging.view';
import { Stations } from './stations';
import { Tariffs } from './tariffs';

/** Operators manage their own company's; admins every company's (naming companyId on create). */
const Manage = () => Roles('OPERATOR', 'ADMIN');

@ApiTags('charging')
@Controller('api/v1/stations')
export class StationsController {
  constructor(private readonly stations: Stations) {}

  @Post()
  @Manage()
  @Doc({ summary: 'Create a charging station', status: 201, response: StationView })
  create(
    @CurrentUser() actor: UserRow,
    @Body({ schema: CreateStation }) body: z.infer<typeof CreateStation>,
  ) {
    return this.stations.create(actor, body);
  }

  @Get()
  @Manage()
  @Doc({ summary: 'Stations, newest first', response: pageSchema(StationView) })
  list(
    @CurrentUser() actor: UserRow,
    @Query({ schema: CompanyListQuery }) q: z.infer<typeof CompanyListQuery>,
  ) {
    return this.stations.list(actor, q);
  }

  @Get(':id')
  @Manage()
  @Doc({ summary: 'A station', response: StationView })
  get(@CurrentUser() actor: UserRow, @Param('id', { schema: Id }) id: string) {
    return this.stations.get(actor, id);
  }

  @Patch(':id')
  @Manage()
  @Doc({ summary: 'Edit a station', response: StationView })
  update(
    @CurrentUser() actor: UserRow,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: PatchStation }) body: z.infer<typeof PatchStation>,
  ) {
    return this.stations.update(actor, id, body);
  }

  @Delete(':id')
  @Manage()
  @Doc({ summary: 'Delete a station without chargers', status: 204, errors: [409] })
  async remove(@CurrentUser() actor: UserRow, @Param('id', { schema: Id }) id: string) {
    await this.stations.remove(actor, id);
  }
}

@ApiTags('charging')
@Controller('api/v1/tariffs')
export class TariffsController {
  constructor(private readonly tariffs: Tariffs) {}

  @Post()
  @Manage()
  @Doc({ summary: 'Create a tariff', status: 201, response: TariffView })
  create(
    @CurrentUser() actor: UserRow,
    @Body({ schema: CreateTariff }) body: z.infer<typeof CreateTariff>,
  ) {
    return this.tariffs.create(actor, body);
  }

  @Get()
  @Manage()
  @Doc({ summary: 'Tariffs, newest first', response: pageSchema(TariffView) })
  list(
    @CurrentUser() actor: UserRow,
    @Query({ schema: CompanyListQuery }) q: z.infer<typeof CompanyListQuery>,
  ) {
    return this.tariffs.list(actor, q);
  }

  @Get(':id')
  @Manage()
  @Doc({ summary: 'A tariff', response: TariffView })
  get(@CurrentUser() actor: UserRow, @Param('id', { schema: Id }) id: string) {
    return this.tariffs.get(actor, id);
  }

  @Patch(':id')
  @Manage()
  @Doc({ summary: 'Edit a tariff (not its currency)', response: TariffView })
  update(
    @CurrentUser() actor: UserRow,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: PatchTariff }) body: z.infer<typeof PatchTariff>,
  ) {
    return this.tariffs.update(actor, id, body);
  }

  @Delete(':id')
  @Manage()
  @Doc({ summary: 'Delete a tariff no station or charger uses', status: 204, errors: [409] })
  async remove(@CurrentUser() actor: UserRow, @Param('id', { schema: Id }) id: string) {
    await this.tariffs.remove(actor, id);
  }
}
