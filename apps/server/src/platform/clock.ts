/**
 * Time, injected so tests can move it (token expiry, hold expiry, billing cycles). An abstract
 * class rather than an interface so it is its own Nest injection token: a constructor parameter
 * typed `Clock` needs no `@Inject`.
 */
export abstract class Clock {
  abstract now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export class ManualClock implements Clock {
  constructor(private current = new Date()) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
}
