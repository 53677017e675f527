import {
  Body,
  Controller,
  Delete,
  Get,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type UserRow } from '../identity';
import { Doc } from '../platform/http/doc';
import type { ListenAddress } from '../platform/listen/listen-address';
import { LISTEN_ADDRESS } from '../platform/platform.module';
import { PageQuery, pageSchema } from '../platform/http/pagination';
import {
  ChargerListQuery,
  CommandBody,
  CreateCharger,
  CreateConnector,
  Id,
  PatchCharger,
  PatchConnector,
} from './charging.inputs';
import { ChargerView, ConnectorView } from './charging.view';
import { Chargers } from './chargers';
import { connectorPageUrl, connectorQr } from './connector-qr';
import { Connectors } from './connectors';
import { CommandAnswer, OcppCommands } from './ocpp-commands';
import { ChargerRouter } from './charger-router';
import { OcppLog, OcppMessageView } from './ocpp-log';

const Manage = () => Roles('OPERATOR', 'ADMIN');
const QrQuery = z.strictObject({ format: z.enum(['svg', 'png']).default('svg') });

@ApiTags('charging')
@Controller('api/v1/chargers')
export class ChargersController {
  constructor(
    private readonly chargers: Chargers,
    private readonly connectors: Connectors,
    private readonly ocppLog: OcppLog,
    private readonly commands: OcppCommands,
    private readonly router: ChargerRouter,
  ) {}

  @Post()
  @Manage()
  @Doc({
    summary: 'Register a charger at a station',
    status: 201,
    response: ChargerView,
    errors: [409],
  })
  create(
    @CurrentUser() actor: UserRow,
    @Body({ schema: CreateCharger }) body: z.infer<typeof CreateCharger>,
  ) {
    return this.chargers.create(actor, body);
  }

  @Get()
  @Manage()
  @Doc({ summary: 'Chargers, newest first', response: pageSchema(ChargerView) })
  list(
    @CurrentUser() actor: UserRow,
    @Query({ schema: ChargerListQuery }) q: z.infer<typeof ChargerListQuery>,
  ) {
    return this.chargers.list(actor, q);
  }

  @Get(':id')
  @Manage()
  @Doc({ summary: 'A charger, with what its last BootNotification said', response: ChargerView })
  get(@CurrentUser() actor: UserRow, @Param('id', { schema: Id }) id: string) {
    return this.chargers.get(actor, id);
  }

  @Patch(':id')
  @Manage()
  @Doc({
    summary: 'Edit a charger (password null removes it)',
    response: ChargerView,
    errors: [409],
  })
  async update(
    @CurrentUser() actor: UserRow,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: PatchCharger }) body: z.infer<typeof PatchCharger>,
  ) {
    const updated = await this.chargers.update(actor, id, body);
    if (body.password !== undefined || body.ocppId !== undefined)
      await this.router.disconnect(id, 'credentials changed');
    return updated;
  }

  @Delete(':id')
  @Manage()
  @Doc({ summary: 'Delete a charger and its connectors', status: 204 })
  async remove(@CurrentUser() actor: UserRow, @Param('id', { schema: Id }) id: string) {
    await this.chargers.remove(actor, id);
    await this.router.disconnect(id, 'charger deleted');
  }

  @Post(':id/connectors')
  @Manage()
  @Doc({
    summary: 'Describe a connector of the charger',
    status: 201,
    response: ConnectorView,
    errors: [409],
  })
  addConnector(
    @CurrentUser() actor: UserRow,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: CreateConnector }) body: z.infer<typeof CreateConnector>,
  ) {
    return this.connectors.create(actor, id, body);
  }

  @Get(':id/connectors')
  @Manage()
  @Doc({ summary: "The charger's connectors", response: pageSchema(ConnectorView) })
  listConnectors(
    @CurrentUser() actor: UserRow,
    @Param('id', { schema: Id }) id: string,
    @Query({ schema: PageQuery }) q: PageQuery,
  ) {
    return this.connectors.list(actor, id, q);
  }

  @Post(':id/commands')
  @Manage()
  @Doc({
    summary: 'Send an OCPP command to the charger and return its answer',
    response: CommandAnswer,
    errors: [409, 503],
  })
  command(
    @CurrentUser() actor: UserRow,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: CommandBody }) body: z.infer<typeof CommandBody>,
  ) {
    return this.commands.send(actor, id, body.action, body.payload);
  }

  @Get(':id/ocpp-messages')
  @Manage()
  @Doc({
    summary: 'Every OCPP frame to and from the charger, newest first',
    response: pageSchema(OcppMessageView),
  })
  ocppMessages(
    @CurrentUser() actor: UserRow,
    @Param('id', { schema: Id }) id: string,
    @Query({ schema: PageQuery }) q: PageQuery,
  ) {
    return this.ocppLog.list(actor, id, q);
  }
}

@ApiTags('charging')
@Controller('api/v1/connectors')
export class ConnectorsController {
  constructor(
    private readonly connectors: Connectors,
    @Inject(LISTEN_ADDRESS) private readonly address: ListenAddress,
  ) {}

  @Get(':id/qr')
  @Manage()
  @Doc({
    summary:
      "The connector's QR code, to print on the charger: it opens the driver's page for this connector (`?format=svg` (default) or `png`)",
  })
  async qr(
    @CurrentUser() actor: UserRow,
    @Param('id', { schema: Id }) id: string,
    @Query({ schema: QrQuery }) query: z.infer<typeof QrQuery>,
    @Res() reply: FastifyReply,
  ) {
    const connector = await this.connectors.get(actor, id);
    const url = connectorPageUrl(this.address.publicUrl, connector.id);
    const image = await connectorQr(url, query.format);
    return reply
      .type(query.format === 'svg' ? 'image/svg+xml' : 'image/png')
      .header('cache-control', 'private, max-age=3600')
      .header('x-qr-target', url)
      .send(image);
  }

  @Get(':id')
  @Manage()
  @Doc({ summary: 'A connector and its OCPP status', response: ConnectorView })
  get(@CurrentUser() actor: UserRow, @Param('id', { schema: Id }) id: string) {
    return this.connectors.get(actor, id);
  }

  @Patch(':id')
  @Manage()
  @Doc({ summary: 'Edit a connector (type, maxPowerW)', response: ConnectorView })
  update(
    @CurrentUser() actor: UserRow,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: PatchConnector }) body: z.infer<typeof PatchConnector>,
  ) {
    return this.connectors.update(actor, id, body);
  }

  @Delete(':id')
  @Manage()
  @Doc({ summary: 'Delete a connector', status: 204 })
  async remove(@CurrentUser() actor: UserRow, @Param('id', { schema: Id }) id: string) {
    await this.connectors.remove(actor, id);
  }
}
