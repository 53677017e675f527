import { bigint, timestamp } from 'drizzle-orm/pg-core';

/** An amount in integer minor units: `bigint` in SQL and in code, never a float. */
export const money = (name: string) => bigint(name, { mode: 'bigint' });

/** A point in time, always with its time zone. */
export const ts = (name: string) => timestamp(name, { withTimezone: true });
