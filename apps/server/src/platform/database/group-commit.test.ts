import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('flushes a lone item at once, and items arriving during a flush together in the next', async () => {
    const flushes: number[][] = [];
    const gc = new GroupCommit<number, string>(async (items) => {
      flushes.push(items);
      await sleep(20);
      return items.map((i) => `ok ${i}`);
    });
    const first = gc.submit(1);
    await sleep(5); // the first flush is running
    const rest = [2, 3, 4, 5].map((i) => gc.submit(i));
    expect(await Promise.all([first, ...rest])).toEqual(['ok 1', 'ok 2', 'ok 3', 'ok 4', 'ok 5']);
    expect(flushes).toEqual([[1], [2, 3, 4, 5]]);
  });

  it('caps a batch at maxBatch', async () => {
    const sizes: number[] = [];
    const gc = new GroupCommit<number, number>(async (items) => {
      sizes.push(items.length);
      await sleep(5);
      return items;
    }, 3);
    await Promise.all(Array.from({ length: 8 }, (_, i) => gc.submit(i)));
    expect(sizes).toEqual([1, 3, 3, 1]);
  });

  it('a failing batch is retried item by item: only the bad item fails', async () => {
    const gc = new GroupCommit<number, number>(async (items) => {
      await sleep(5);
      if (items.includes(13)) throw new Error('13 is refused');
      return items.map((i) => i * 2);
    });
    const first = gc.submit(0);
    await sleep(1);
    const results = await Promise.allSettled([first, ...[12, 13, 14].map((i) => gc.submit(i))]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)))).toEqual([
      0,
      24,
      'Error: 13 is refused',
      28,
    ]);
  });

  it('with a linger, items trickling in within it share one flush', async () => {
    const flushes: number[][] = [];
    const gc = new GroupCommit<number, number>(
      (items) => {
        flushes.push(items);
        return Promise.resolve(items);
      },
      200,
      30,
    );
    const first = gc.submit(1);
    await sleep(5);
    const second = gc.submit(2);
    await sleep(5);
    expect(flushes).toEqual([]); // still lingering
    await Promise.all([first, second, gc.submit(3)]);
    expect(flushes).toEqual([[1, 2, 3]]);
  });
});
