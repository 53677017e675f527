import { describe, expect, it } from 'vitest';
import { eachAlone } from './each-alone';

describe('eachAlone', () => {
  it('runs every item in order, hands each failure over and counts it, and goes on', async () => {
    const ran: number[] = [];
    const failures: [string, number][] = [];
    const errors = await eachAlone(
      [1, 2, 3, 4],
      async (n) => {
        ran.push(n);
        if (n % 2 === 0) throw new Error(`no ${n}`);
        await Promise.resolve();
      },
      (err, n) => failures.push([(err as Error).message, n]),
    );
    expect(ran).toEqual([1, 2, 3, 4]);
    expect(failures).toEqual([
      ['no 2', 2],
      ['no 4', 4],
    ]);
    expect(errors).toBe(2);
  });

  it('answers 0 for nothing to do', async () => {
    expect(
      await eachAlone(
        [],
        () => Promise.reject(new Error('never')),
        () => undefined,
      ),
    ).toBe(0);
  });
});
