import { describe, expect, it } from 'vitest';
import { isEdtf, parseEdtf } from './edtf.ts';

// The subset of EDTF that docs/case-format.md#dates states Parley reads: each row of its two tables.
describe('the EDTF subset of docs/case-format.md', () => {
  it.each([
    ['2031', '2031-01-01', '2031-12-31'],
    ['2031-02', '2031-02-01', '2031-02-28'],
    ['2031-02-10', '2031-02-10', '2031-02-10'],
    ['2031-02-10?', '2031-02-10', '2031-02-10'],
    ['2031-02~', '2031-02-01', '2031-02-28'],
    ['2031-01/2031-06', '2031-01-01', '2031-06-30'],
    ['2031-02-10?/2031-03~', '2031-02-10', '2031-03-31'],
    ['../2031-06', '-infinity', '2031-06-30'],
    ['2031-06/..', '2031-06-01', 'infinity'],
    ['2031-06/', '2031-06-01', 'infinity'],
  ])('accepts %s', (text, earliest, latest) => {
    expect(parseEdtf(text)).toMatchObject({ earliest, latest });
  });

  it.each([
    '2031-XX',
    '203X',
    '2031-02-XX',
    '2031-21',
    'Y12345',
    '-0100',
    '20310',
    '31',
    '2031-02-10T10:00',
    '2031-02-10T10:00:00Z',
    '2031?-02',
    '?2031-02',
    '[2031,2032]',
    '{2031,2032}',
    '../..',
    '2031/2032/2033',
    '2031-02-30',
    '2031-06/2031-01',
  ])('refuses %s', (text) => {
    expect(isEdtf(text)).toBe(false);
  });
});
