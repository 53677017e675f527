import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type UserRow } from '../identity';
import { Doc } from '../platform/http/doc';
import { PageQuery, pageSchema } from '../platform/http/pagination';
import { AmountSchema, CurrencySchema, MAX_AMOUNT } from '../platform/money';
import { PRICE_UNITS, SPACE_KINDS, type OpeningPeriod } from './coworking.schema';
import { AvailabilityView, SpaceView, toAvailabilityView, toSpaceView } from './coworking.view';
import { isCalendarDate, isTimeZone } from './local-time';
import { priceOf } from './space-rules';
import { Spaces, type SpaceInput } from './spaces';

export const Id = z.string().min(1).max(64);
const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM');
const minuteOf = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));

const Period = z
  .strictObject({ day: z.number().int().min(1).max(7), open: HHMM, close: HHMM })
  .refine((p) => minuteOf(p.open) < minuteOf(p.close), {
    message: 'open must be before close',
    path: ['close'],
  });
const Cancellation = z
  .strictObject({
    fullRefundHours: z.number().int().min(0).max(720),
    lateRefundPercent: z.number().int().min(0).max(100).optional(),
    lateCancellationFee: z.number().int().min(0).max(MAX_AMOUNT).optional(),
  })
  .refine((c) => (c.lateRefundPercent === undefined) !== (c.lateCancellationFee === undefined), {
    message: 'Give either lateRefundPercent or lateCancellationFee',
    path: ['lateRefundPercent'],
  });

const fields = {
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000),
  kind: z.enum(SPACE_KINDS),
  capacity: z.number().int().min(1).max(500),
  priceUnit: z.enum(PRICE_UNITS),
  price: AmountSchema,
  currency: CurrencySchema,
  timeZone: z.string().max(64).refine(isTimeZone, 'must be an IANA time zone'),
  openingHours: z
    .array(Period)
    .max(7)
    .refine((ps) => new Set(ps.map((p) => p.day)).size === ps.length, 'one period per weekday'),
  bufferMinutes: z.number().int().min(0).max(240),
  cancellation: Cancellation,
  holdMinutes: z.number().int().min(1).max(1440),
  active: z.boolean(),
};
const CreateSpaceBody = z
  .strictObject({
    ...fields,
    description: fields.description.default(''),
    bufferMinutes: fields.bufferMinutes.default(0),
    holdMinutes: fields.holdMinutes.default(15),
    active: fields.active.default(true),
  })
  .refine((s) => s.kind !== 'ROOM' || s.capacity === 1, {
    message: 'A room has capacity 1 (book desks for shared seats)',
    path: ['capacity'],
  });
const PatchSpaceBody = z.strictObject(fields).partial();
const ListQuery = PageQuery.extend({ includeInactive: z.stringbool().optional() });
const AvailabilityQuery = z.strictObject({
  date: z.string().refine(isCalendarDate, 'must be a date YYYY-MM-DD').optional(),
});

type Fields = Partial<z.infer<typeof PatchSpaceBody>>;

function toInput(b: Fields): Partial<SpaceInput> {
  const out: Partial<SpaceInput> = {};
  for (const key of [
    'name',
    'description',
    'kind',
    'capacity',
    'priceUnit',
    'currency',
    'timeZone',
    'bufferMinutes',
    'holdMinutes',
    'active',
  ] as const)
    if (b[key] !== undefined) (out as Record<string, unknown>)[key] = b[key];
  if (b.price !== undefined) out.price = BigInt(b.price);
  if (b.openingHours)
    out.openingHours = b.openingHours.map((p): OpeningPeriod => ({
      day: p.day,
      openMinute: minuteOf(p.open),
      closeMinute: minuteOf(p.close),
    }));
  if (b.cancellation) {
    out.fullRefundHours = b.cancellation.fullRefundHours;
    out.lateRefundPercent = b.cancellation.lateRefundPercent ?? null;
    out.lateCancellationFee =
      b.cancellation.lateCancellationFee === undefined
        ? null
        : BigInt(b.cancellation.lateCancellationFee);
  }
  return out;
}

@ApiTags('coworking')
@Controller('api/v1/spaces')
export class SpacesController {
  constructor(private readonly spaces: Spaces) {}

  @Post()
  @Roles('ADMIN')
  @Doc({
    summary:
      'Create a space (room, desks, day pass): capacity, hourly or daily price, opening hours in its time zone, buffer, cancellation policy, hold window',
    status: 201,
    response: SpaceView,
  })
  async create(@Body({ schema: CreateSpaceBody }) b: z.infer<typeof CreateSpaceBody>) {
    return toSpaceView(await this.spaces.create(toInput(b) as SpaceInput));
  }

  @Get()
  @Doc({
    summary: 'Spaces, newest first (admins may include inactive ones)',
    response: pageSchema(SpaceView),
  })
  async list(
    @CurrentUser() user: UserRow,
    @Query({ schema: ListQuery }) q: z.infer<typeof ListQuery>,
  ) {
    const page = await this.spaces.list({
      ...q,
      includeInactive: user.role === 'ADMIN' && q.includeInactive === true,
    });
    return { ...page, data: page.data.map(toSpaceView) };
  }

  @Get(':id')
  @Doc({ summary: 'A space', response: SpaceView })
  async get(@CurrentUser() user: UserRow, @Param('id', { schema: Id }) id: string) {
    return toSpaceView(await this.spaces.get(id, { includeInactive: user.role === 'ADMIN' }));
  }

  @Patch(':id')
  @Roles('ADMIN')
  @Doc({
    summary:
      'Change a space (capacity only grows; live bookings keep the cancellation policy they were made under)',
    response: SpaceView,
    errors: [409],
  })
  async update(
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: PatchSpaceBody }) b: z.infer<typeof PatchSpaceBody>,
  ) {
    return toSpaceView(await this.spaces.update(id, toInput(b)));
  }

  @Delete(':id')
  @Roles('ADMIN')
  @Doc({ summary: 'Deactivate a space: no new bookings; live ones stand', response: SpaceView })
  async deactivate(@Param('id', { schema: Id }) id: string) {
    return toSpaceView(await this.spaces.update(id, { active: false }));
  }

  @Get(':id/availability')
  @Doc({
    summary:
      'The free slots of a day (date in the space’s time zone, default today): one-hour slots every half hour, or the whole day for daily spaces, each with its free seats and price',
    response: AvailabilityView,
  })
  async availability(
    @Param('id', { schema: Id }) id: string,
    @Query({ schema: AvailabilityQuery }) q: z.infer<typeof AvailabilityQuery>,
  ) {
    const date = q.date ?? this.spaces.today(await this.spaces.get(id));
    const a = await this.spaces.availability(id, date);
    return toAvailabilityView(a, (start, end) => priceOf(a.space, start, end));
  }
}
