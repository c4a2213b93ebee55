import { describe, expect, it } from 'vitest';
import { edtfDateField, wholeNumber } from './fields.ts';

const problem = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? undefined : result.error!.issues[0]!.message;

describe('wholeNumber', () => {
  const runs = wholeNumber('runs', 1, 10_000_000);

  it('takes a number or its digits, as a body or a flag gives it', () => {
    expect(runs.parse(2000)).toBe(2000);
    expect(runs.parse('2000')).toBe(2000);
    expect(runs.parse('10000000')).toBe(10_000_000);
  });

  it('refuses anything else, quoting the value as given', () => {
    for (const bad of ['0', '10000001', 'x', '1e3', '-1', '2.5', '', ' 7', 2.5, 0, Number.NaN, true, null]) {
      expect(problem(runs.safeParse(bad))).toBe(
        `\`runs\` "${bad}" must be a whole number from 1 to 10000000`,
      );
    }
  });
});

describe('edtfDateField', () => {
  it('takes an EDTF date and names examples when it is not one', () => {
    const at = edtfDateField('at', '2022-04-15');
    expect(at.parse('2022-03-29')).toBe('2022-03-29');
    expect(at.parse('2022-03-13/2022-03-17')).toBe('2022-03-13/2022-03-17');
    expect(problem(at.safeParse('yesterday'))).toBe('`at` "yesterday" is not an EDTF date (e.g. 2022-04-15)');
  });
});
