import type { Case } from '@parley/model/case.ts';
import { compareEdtf, isKnownBy, parseEdtf, type EdtfDate } from '@parley/model/edtf.ts';
import type { Issue } from '@parley/model/schema/issues.ts';
import type { Position } from '@parley/model/schema/positions.ts';

export interface NumericGap {
  /** What separates the parties' values or ranges: `high.value − low.value`, or 0 when they meet or overlap. */
  gap: number;
  unit: string;
  /**
   * The two ends the gap is measured between: `low` is the party whose span ends lowest, with
   * that end (a point value, or the top of a range); `high` the party whose span starts highest,
   * with that start. When the spans overlap, `low.value > high.value` and every party accepts
   * `high.value`–`low.value`.
   */
  low: { party: string; value: number };
  high: { party: string; value: number };
}

export interface IssueStanding {
  issue: Issue;
  /** Each party's latest position known by the date, in party order. */
  positions: Position[];
  /** Numeric issues with two or more parties' positions only. */
  gap?: NumericGap;
}

/**
 * Each party's latest position on every issue as of a date. "Latest" is by the position's
 * date; a position counts once its date has certainly passed (see `isKnownBy`). Ties on the
 * same date keep file order, so the last-written record wins.
 */
export function positionsAt(c: Case, parties: string[], at: string): IssueStanding[] {
  const asOf = parseEdtf(at);
  // One pass over the positions, each date parsed once: the latest known per issue and party.
  const latest = new Map<string, { p: Position; date: EdtfDate }>();
  for (const p of c.positions) {
    const date = parseEdtf(p.date);
    if (!isKnownBy(date, asOf)) continue;
    const key = `${p.issue}\u0000${p.party}`;
    const held = latest.get(key);
    // `>= 0`: on the same date, the record written later wins.
    if (!held || compareEdtf(date, held.date) >= 0) latest.set(key, { p, date });
  }
  return c.issues.map((issue) => {
    const positions = parties.flatMap((party) => {
      const held = latest.get(`${issue.id}\u0000${party}`);
      return held ? [held.p] : [];
    });
    const gap = issue.kind === 'number' ? numericGap(positions, issue.unit ?? '') : undefined;
    return gap ? { issue, positions, gap } : { issue, positions };
  });
}

function bounds(p: Position): [number, number] | undefined {
  if (typeof p.value === 'number') return [p.range?.min ?? p.value, p.range?.max ?? p.value];
  if (p.range && p.range.min !== undefined && p.range.max !== undefined) return [p.range.min, p.range.max];
  if (p.range?.min !== undefined) return [p.range.min, p.range.min];
  if (p.range?.max !== undefined) return [p.range.max, p.range.max];
  return undefined;
}

function numericGap(positions: Position[], unit: string): NumericGap | undefined {
  const spans = positions.flatMap((p) => {
    const b = bounds(p);
    return b ? [{ party: p.party, lo: b[0], hi: b[1] }] : [];
  });
  if (spans.length < 2) return undefined;
  // The gap runs from the lowest top of a span to the highest bottom of one. On ties, low is the
  // first party listed and high the last, so equal values name two parties.
  const low = spans.reduce((a, b) => (b.hi < a.hi ? b : a));
  const high = spans.reduce((a, b) => (b.lo >= a.lo ? b : a));
  return {
    gap: Math.max(0, high.lo - low.hi),
    unit,
    low: { party: low.party, value: low.hi },
    high: { party: high.party, value: high.lo },
  };
}

/** The parties of a case: actors with a `party` role, in the order the roles list them. */
export function caseParties(c: Case): string[] {
  return [...new Set(c.roles.filter((r) => r.role === 'party').map((r) => r.actor))];
}
