// Sandbox time: wall-clock time plus an offset that `/_sandbox/clock/advance` grows. Every
// timestamp the sandbox writes (created, expires_at, periods, idempotency windows) reads this.
export class Clock {
  constructor(
    private offsetMs = 0,
    private readonly wall: () => number = Date.now,
  ) {}

  nowMs(): number {
    return this.wall() + this.offsetMs;
  }

  /** Unix seconds, as every Stripe timestamp is. */
  now(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  get offset(): number {
    return this.offsetMs;
  }
}
