import { describe, expect, it } from 'vitest';
import { coalescing } from './coalesce.ts';

/** A query whose answer is the number of queries sent so far, and which ends when told to. */
function countingQuery() {
  let sent = 0;
  const pending: (() => void)[] = [];
  return {
    load: () =>
      new Promise<number>((resolve) => {
        const n = ++sent;
        pending.push(() => resolve(n));
      }),
    finishOne: async () => {
      pending.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    },
    sent: () => sent,
  };
}

describe('coalescing', () => {
  it('never joins a query already under way: later callers share the next one', async () => {
    const ask = coalescing<number>();
    const q = countingQuery();
    const first = ask('k', q.load);
    const second = ask('k', q.load);
    const third = ask('k', q.load);
    expect(q.sent()).toBe(1);
    await q.finishOne();
    expect(await first).toBe(1);
    expect(q.sent()).toBe(2);
    await q.finishOne();
    expect([await second, await third]).toEqual([2, 2]);
  });

  it('keeps keys apart and starts afresh once nothing is running', async () => {
    const ask = coalescing<number>();
    const q = countingQuery();
    const a = ask('a', q.load);
    const b = ask('b', q.load);
    expect(q.sent()).toBe(2);
    await q.finishOne();
    await q.finishOne();
    expect([await a, await b]).toEqual([1, 2]);
    const again = ask('a', q.load);
    expect(q.sent()).toBe(3);
    await q.finishOne();
    expect(await again).toBe(3);
  });

  it('hands a failure to every caller that shared the query', async () => {
    const ask = coalescing<number>();
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error('down'));
    };
    const first = ask('k', failing);
    const second = ask('k', failing);
    await expect(first).rejects.toThrow('down');
    await expect(second).rejects.toThrow('down');
    expect(calls).toBe(2);
  });
});
