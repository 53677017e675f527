import { Body, Controller, Delete, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Doc } from '../platform/http/doc';
import { PageQuery, pageSchema } from '../platform/http/pagination';
import { CurrentUser, Roles } from './auth.decorators';
import { USER_ROLES, type UserRow } from './identity.schema';
import { UsersService } from './users.service';
import { PublicUser, toPublicUser } from './users.view';

const UserId = z.string().min(1).max(64);
const ListQuery = PageQuery.extend({
  role: z.enum(USER_ROLES).optional(),
  /** Text in the e-mail, first or last name (case-insensitive). */
  q: z.string().trim().max(200).optional(),
});
const PatchBody = z
  .strictObject({
    firstName: z.string().trim().min(1).max(100).nullable().optional(),
    lastName: z.string().trim().min(1).max(100).nullable().optional(),
    role: z.enum(USER_ROLES).optional(),
    isActive: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Send at least one field to change' });

@ApiTags('users')
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('ADMIN')
  @Doc({
    summary: 'List users (admin), newest first (`q`: text in e-mail or names; `role`)',
    response: pageSchema(PublicUser),
  })
  list(@Query({ schema: ListQuery }) query: z.infer<typeof ListQuery>) {
    return this.users.list({ ...query, q: query.q || undefined });
  }

  @Get(':id')
  @Doc({ summary: 'A user: yourself, or anyone for an admin', response: PublicUser })
  async get(@CurrentUser() actor: UserRow, @Param('id', { schema: UserId }) id: string) {
    return toPublicUser(await this.users.getVisible(actor, id));
  }

  @Patch(':id')
  @Doc({ summary: 'Change names (self) or role and active flag (admin)', response: PublicUser })
  update(
    @CurrentUser() actor: UserRow,
    @Param('id', { schema: UserId }) id: string,
    @Body({ schema: PatchBody }) body: z.infer<typeof PatchBody>,
  ) {
    return this.users.update(actor, id, body);
  }

  @Delete(':id')
  @Doc({ summary: 'Soft-delete an account (self or admin); its sessions are revoked', status: 204 })
  async remove(@CurrentUser() actor: UserRow, @Param('id', { schema: UserId }) id: string) {
    await this.users.softDelete(actor, id);
  }
}
