import { describe, expect, it } from 'vitest';
import { asOfDay, asOfNote, edtfDateField, wholeNumber } from './fields.ts';

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
    expect(at.parse('2022-04')).toBe('2022-04');
    expect(at.parse('2022-04?')).toBe('2022-04?');
    expect(problem(at.safeParse('yesterday'))).toBe('`at` "yesterday" is not an EDTF date (e.g. 2022-04-15)');
  });

  it('refuses an interval: "as of" names one moment', () => {
    const at = edtfDateField('at', '2022-04-15');
    for (const interval of ['2022-03-13/2022-03-17', '2022-03/..', '../2022-03'])
      expect(problem(at.safeParse(interval))).toBe(
        `\`at\` "${interval}" is an interval: give one day, month or year (e.g. 2022-04-15)`,
      );
  });
});

describe('the as-of rule', () => {
  it('reads a day as itself and a month or a year as its last day', () => {
    expect(asOfDay('2031-05-14')).toBe('2031-05-14');
    expect(asOfDay('2031-05')).toBe('2031-05-31');
    expect(asOfDay('2032-02')).toBe('2032-02-29');
    expect(asOfDay('2031')).toBe('2031-12-31');
    expect(asOfDay('2031-05?')).toBe('2031-05-31');
    // A case's asOf may be an interval: its last day, or its first when it is open-ended.
    expect(asOfDay('2031-01/2031-06')).toBe('2031-06-30');
    expect(asOfDay('2031-01/..')).toBe('2031-01-01');
  });

  it('names the day used unless it was given', () => {
    expect(asOfNote('2031-05-14')).toBe('');
    expect(asOfNote('2031-05-14?')).toBe('');
    expect(asOfNote('2031-05')).toBe(' (the last day of 2031-05)');
    expect(asOfNote('2031')).toBe(' (the last day of 2031)');
  });
});
