import { describe, expect, it } from 'vitest';
import { grouped } from './grouped.ts';

describe('grouped', () => {
  it.each([
    [85000, '85,000'],
    [250000, '250,000'],
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [-1234567, '-1,234,567'],
    [1234.5, '1,234.5'],
    [0.125, '0.125'],
    [2.0004, '2'],
    [-0.0001, '-0'],
  ])('%d → %s', (n, text) => {
    expect(grouped(n)).toBe(text);
  });

  it("writes what toLocaleString('en') writes, over a spread of figures", () => {
    const figures = [
      1, 12, 123, 1234, 12345, 123456, 1234567, 12345678, 1e9, 1e15, 3.14159, 2.5, 0.1, 99.999, 1e-4, 0.0005,
      1.0005, 2.675, 0.9995, 999.9996, -0,
    ];
    for (const x of figures)
      for (const n of [x, -x, x * 7.3, x / 3]) expect([n, grouped(n)]).toEqual([n, n.toLocaleString('en')]);
  });
});
