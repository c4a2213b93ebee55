import { ParleyError } from './errors.ts';
/**
 * Dates with their real precision, after ISO 8601-2 / EDTF level 0–1:
 * `2022`, `2022-05`, `2022-03-05`, qualifiers `?` (uncertain), `~` (approximate), `%` (both),
 * and intervals `2022-03-13/2022-03-17` (either end may be open: `../2022-05`, `2022-05/..`).
 *
 * Every date is reduced to the span of days it may denote (`earliest`..`latest`), which is
 * what ordering and "as of" questions need.
 */
export type EdtfPrecision = 'year' | 'month' | 'day' | 'interval';

export interface EdtfDate {
  text: string;
  /** First day the date may denote, `YYYY-MM-DD` (or `-infinity` for an open start). */
  earliest: string;
  /** Last day the date may denote, `YYYY-MM-DD` (or `infinity` for an open end). */
  latest: string;
  precision: EdtfPrecision;
  uncertain: boolean;
  approximate: boolean;
}

const SIMPLE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function parseSimple(text: string): EdtfDate {
  const m = SIMPLE.exec(text);
  if (!m)
    throw new ParleyError(
      'usage',
      `"${text}" is not an EDTF date (expected YYYY, YYYY-MM or YYYY-MM-DD, optionally with ?, ~ or %)`,
    );
  const year = Number(m[1]);
  const qualifier = m[4];
  const uncertain = qualifier === '?' || qualifier === '%';
  const approximate = qualifier === '~' || qualifier === '%';
  if (m[2] === undefined) {
    return {
      text,
      earliest: `${m[1]}-01-01`,
      latest: `${m[1]}-12-31`,
      precision: 'year',
      uncertain,
      approximate,
    };
  }
  const month = Number(m[2]);
  if (month < 1 || month > 12)
    throw new ParleyError('usage', `"${text}" has month ${m[2]}, which is not 01–12`);
  const last = daysInMonth(year, month);
  if (m[3] === undefined) {
    return {
      text,
      earliest: `${m[1]}-${m[2]}-01`,
      latest: `${m[1]}-${m[2]}-${pad(last)}`,
      precision: 'month',
      uncertain,
      approximate,
    };
  }
  const day = Number(m[3]);
  if (day < 1 || day > last)
    throw new ParleyError('usage', `"${text}" has day ${m[3]}, but that month has ${last} days`);
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return { text, earliest: iso, latest: iso, precision: 'day', uncertain, approximate };
}

export function parseEdtf(text: string): EdtfDate {
  const trimmed = text.trim();
  if (!trimmed.includes('/')) return parseSimple(trimmed);
  const parts = trimmed.split('/');
  if (parts.length !== 2)
    throw new ParleyError('usage', `"${text}" has more than one "/"; an interval is START/END`);
  const [startText = '', endText = ''] = parts;
  const open = (s: string) => s === '..' || s === '';
  if (open(startText) && open(endText)) throw new ParleyError('usage', `"${text}" is open at both ends`);
  const start = open(startText) ? undefined : parseSimple(startText);
  const end = open(endText) ? undefined : parseSimple(endText);
  if (start && end && start.earliest > end.latest) {
    throw new ParleyError('usage', `"${text}" ends before it starts`);
  }
  return {
    text: trimmed,
    earliest: start ? start.earliest : '-infinity',
    latest: end ? end.latest : 'infinity',
    precision: 'interval',
    uncertain: Boolean(start?.uncertain || end?.uncertain),
    approximate: Boolean(start?.approximate || end?.approximate),
  };
}

export function isEdtf(text: string): boolean {
  try {
    parseEdtf(text);
    return true;
  } catch {
    return false;
  }
}

// '-infinity' < any ISO day < 'infinity' must hold under plain string comparison.
function dayKey(day: string): string {
  if (day === '-infinity') return '0000-00-00';
  if (day === 'infinity') return '9999-99-99';
  return day;
}

/**
 * Chronological order: by earliest possible day, then by latest (a day comes before the month
 * that contains it, a month before the year), then by text so the order is total and stable.
 */
export function compareEdtf(a: EdtfDate, b: EdtfDate): number {
  const ea = dayKey(a.earliest);
  const eb = dayKey(b.earliest);
  if (ea !== eb) return ea < eb ? -1 : 1;
  const la = dayKey(a.latest);
  const lb = dayKey(b.latest);
  if (la !== lb) return la < lb ? -1 : 1;
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

export const compareEdtfText = (a: string, b: string): number => compareEdtf(parseEdtf(a), parseEdtf(b));

/**
 * True when the record's date has certainly come by the end of `at`: its latest possible day is
 * no later than the latest day `at` denotes. A position dated `2022-04` therefore does not count
 * as of `2022-04-15` — we cannot know it had been taken by then.
 */
export function isKnownBy(date: EdtfDate, at: EdtfDate): boolean {
  return dayKey(date.latest) <= dayKey(at.latest);
}
