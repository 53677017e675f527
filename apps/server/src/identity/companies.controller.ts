import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Doc } from '../platform/http/doc';
import { PageQuery, pageSchema } from '../platform/http/pagination';
import { CurrentUser, Roles } from './auth.decorators';
import { CompaniesService, PublicCompany } from './companies.service';
import type { UserRow } from './identity.schema';
import { PublicUser } from './users.view';

const Id = z.string().min(1).max(64);
const CreateBody = z.strictObject({ name: z.string().trim().min(1).max(200) });
const AttachBody = z.strictObject({ userId: Id });

@ApiTags('companies')
@Controller('api/v1/companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Post()
  @Roles('ADMIN')
  @Doc({ summary: 'Create an operator company (admin)', status: 201, response: PublicCompany })
  create(@Body({ schema: CreateBody }) body: z.infer<typeof CreateBody>) {
    return this.companies.create(body.name);
  }

  @Get()
  @Roles('ADMIN')
  @Doc({ summary: 'List companies (admin), newest first', response: pageSchema(PublicCompany) })
  list(@Query({ schema: PageQuery }) query: PageQuery) {
    return this.companies.list(query);
  }

  @Get(':id')
  @Doc({
    summary: 'A company: any for an admin, their own for an operator',
    response: PublicCompany,
  })
  get(@CurrentUser() actor: UserRow, @Param('id', { schema: Id }) id: string) {
    return this.companies.getVisible(actor, id);
  }

  @Get(':id/operators')
  @Doc({ summary: "The company's operators", response: z.array(PublicUser) })
  operators(@CurrentUser() actor: UserRow, @Param('id', { schema: Id }) id: string) {
    return this.companies.listOperators(actor, id);
  }

  @Post(':id/operators')
  @Roles('ADMIN')
  @Doc({
    summary: 'Attach a user to the company as an OPERATOR (admin)',
    status: 201,
    response: PublicUser,
  })
  attach(
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: AttachBody }) body: z.infer<typeof AttachBody>,
  ) {
    return this.companies.attachOperator(id, body.userId);
  }

  @Delete(':id/operators/:userId')
  @Roles('ADMIN')
  @Doc({ summary: 'Detach an operator; they become a USER (admin)', response: PublicUser })
  detach(@Param('id', { schema: Id }) id: string, @Param('userId', { schema: Id }) userId: string) {
    return this.companies.detachOperator(id, userId);
  }
}
