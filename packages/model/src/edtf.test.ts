import { describe, expect, it } from 'vitest';
import { compareEdtfText, isKnownBy, parseEdtf } from './edtf.ts';

describe('parseEdtf', () => {
  it('reduces each precision to the span of days it denotes', () => {
    expect(parseEdtf('2022-03-05')).toEqual({
      text: '2022-03-05',
      earliest: '2022-03-05',
      latest: '2022-03-05',
      precision: 'day',
      uncertain: false,
      approximate: false,
    });
    expect(parseEdtf('2022-02')).toMatchObject({
      earliest: '2022-02-01',
      latest: '2022-02-28',
      precision: 'month',
    });
    expect(parseEdtf('2024-02')).toMatchObject({ latest: '2024-02-29' });
    expect(parseEdtf('2023')).toMatchObject({
      earliest: '2023-01-01',
      latest: '2023-12-31',
      precision: 'year',
    });
  });

  it('reads qualifiers', () => {
    expect(parseEdtf('2022-03-05?')).toMatchObject({
      uncertain: true,
      approximate: false,
      latest: '2022-03-05',
    });
    expect(parseEdtf('2022-05~')).toMatchObject({ uncertain: false, approximate: true });
    expect(parseEdtf('2022%')).toMatchObject({ uncertain: true, approximate: true });
  });

  it('reads closed and open intervals', () => {
    expect(parseEdtf('2022-03-13/2022-03-17')).toMatchObject({
      earliest: '2022-03-13',
      latest: '2022-03-17',
      precision: 'interval',
    });
    expect(parseEdtf('2022-04/2022-05')).toMatchObject({ earliest: '2022-04-01', latest: '2022-05-31' });
    expect(parseEdtf('../2022-05')).toMatchObject({ earliest: '-infinity', latest: '2022-05-31' });
    expect(parseEdtf('2022-05-17/..')).toMatchObject({ earliest: '2022-05-17', latest: 'infinity' });
    expect(parseEdtf('2022-03-05?/2022-03-06')).toMatchObject({ uncertain: true });
  });

  it.each([
    ['2022-13', 'month 13, which is not 01–12'],
    ['2022-02-30', 'day 30, but that month has 28 days'],
    ['22-03-05', 'is not an EDTF date'],
    ['2022-03-17/2022-03-13', 'ends before it starts'],
    ['../..', 'open at both ends'],
    ['2022/2023/2024', 'more than one "/"'],
    ['March 5', 'is not an EDTF date'],
  ])('rejects %s', (text, message) => {
    expect(() => parseEdtf(text)).toThrow(message);
  });
});

describe('ordering', () => {
  it('sorts by earliest day, then the narrower span first', () => {
    const dates = [
      '2022-05',
      '2022-04-15',
      '2022-03-13/2022-03-17',
      '2022',
      '2022-03-13',
      '2022-03-05?',
      '2021-12-17',
    ];
    expect([...dates].sort(compareEdtfText)).toEqual([
      '2021-12-17',
      '2022',
      '2022-03-05?',
      '2022-03-13',
      '2022-03-13/2022-03-17',
      '2022-04-15',
      '2022-05',
    ]);
  });

  it('puts open starts first and open ends last', () => {
    expect(['2022-05-17/..', '2022-01-01', '../2021'].sort(compareEdtfText)).toEqual([
      '../2021',
      '2022-01-01',
      '2022-05-17/..',
    ]);
  });
});

describe('isKnownBy', () => {
  const at = parseEdtf('2022-04-15');
  it('counts a record only once its latest possible day has passed', () => {
    expect(isKnownBy(parseEdtf('2022-04-15'), at)).toBe(true);
    expect(isKnownBy(parseEdtf('2022-04-16'), at)).toBe(false);
    expect(isKnownBy(parseEdtf('2022-04'), at)).toBe(false);
    expect(isKnownBy(parseEdtf('2022-04'), parseEdtf('2022-04'))).toBe(true);
    expect(isKnownBy(parseEdtf('2022-03-13/2022-03-17'), at)).toBe(true);
  });
});
