/**
 * Group commit: every item submitted while a flush is running goes into the next flush, so under
 * load many concurrent callers share one round trip and one commit, while a caller alone waits for
 * nothing. `flush` gets the items in order and answers one result per item, in the same order.
 * If a flush of several items fails, each is flushed again on its own, so one bad item fails only
 * its own caller. `lingerMs` > 0 waits that long before a flush starts, for callers nobody waits
 * on (a log written behind): fewer, fuller batches when items trickle in, for that much delay.
 */
export class GroupCommit<I, O> {
  private waiting: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private flushing = false;

  constructor(
    private readonly flush: (items: I[]) => Promise<O[]>,
    private readonly maxBatch = 200,
    private readonly lingerMs = 0,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.flushing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.flushing = true;
    try {
      while (this.waiting.length > 0) {
        if (this.lingerMs > 0 && this.waiting.length < this.maxBatch)
          await new Promise((resolve) => setTimeout(resolve, this.lingerMs));
        const batch = this.waiting.splice(0, this.maxBatch);
        try {
          settle(batch, await this.flush(batch.map((b) => b.item)));
        } catch (err) {
          if (batch.length === 1) batch[0]!.reject(err);
          else await Promise.all(batch.map((b) => this.alone(b)));
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async alone(b: (typeof this.waiting)[number]): Promise<void> {
    try {
      settle([b], await this.flush([b.item]));
    } catch (err) {
      b.reject(err);
    }
  }
}

function settle<O>(batch: { resolve: (o: O) => void }[], results: O[]): void {
  if (results.length !== batch.length)
    throw new Error(`group commit: ${results.length} results for ${batch.length} items`);
  batch.forEach((b, i) => b.resolve(results[i]!));
}
