import { Body, Controller, Get, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Doc } from '../platform/http/doc';
import { CurrentSession, CurrentUser, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import type { UserRow } from './identity.schema';
import { PublicUser, toPublicUser } from './users.view';

const Email = z.string().trim().max(254).pipe(z.email());
const Password = z.string().min(8, 'must be at least 8 characters').max(256);
const Name = z.string().trim().min(1).max(100);

const RegisterBody = z.strictObject({
  email: Email,
  password: Password,
  firstName: Name.optional(),
  lastName: Name.optional(),
  role: z.enum(['USER', 'MERCHANT']).optional(),
});
const LoginBody = z.strictObject({ email: Email, password: z.string().min(1).max(256) });
const RefreshBody = z.strictObject({ refreshToken: z.string().min(1).max(512) });
const LogoutBody = z
  .strictObject({ refreshToken: z.string().min(1).max(512).optional() })
  .optional()
  .default({});
const SessionResponse = z.object({
  user: PublicUser,
  accessToken: z.string(),
  refreshToken: z.string(),
});

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('register')
  @Doc({
    summary: 'Create an account (USER or MERCHANT) and sign in',
    status: 201,
    response: SessionResponse,
  })
  register(
    @Body({ schema: RegisterBody }) body: z.infer<typeof RegisterBody>,
    @Req() req: FastifyRequest,
  ) {
    return this.auth.register(body, req.ip);
  }

  @Public()
  @Post('login')
  @Doc({ summary: 'Sign in with e-mail and password', response: SessionResponse })
  login(@Body({ schema: LoginBody }) body: z.infer<typeof LoginBody>, @Req() req: FastifyRequest) {
    return this.auth.login(body.email, body.password, req.ip);
  }

  @Public()
  @Post('refresh')
  @Doc({
    summary: 'Exchange a refresh token for a new pair (the old one is spent)',
    response: SessionResponse,
  })
  refresh(@Body({ schema: RefreshBody }) body: z.infer<typeof RefreshBody>) {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @Doc({
    summary:
      "End this session and the given refresh token's (or every session without one): their refresh and access tokens stop working at once",
    status: 204,
  })
  async logout(
    @CurrentUser() user: UserRow,
    @CurrentSession() sessionId: string | undefined,
    @Body({ schema: LogoutBody }) body: z.infer<typeof LogoutBody>,
  ) {
    await this.auth.logout(user.id, body.refreshToken, sessionId);
  }

  @Get('me')
  @Doc({ summary: 'The signed-in user', response: PublicUser })
  me(@CurrentUser() user: UserRow) {
    return toPublicUser(user);
  }
}
