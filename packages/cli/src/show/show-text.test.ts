// The terminal text of the views that print claims and events: an inferred claim reads
// differently from a stated one everywhere, and the timeline prints descriptions and sources.
import { describe, expect, it } from 'vitest';
import { minimalCase } from '@parley/app/minimal-case.test-support.ts';
import { claimsView } from '@parley/app/views/claims.ts';
import { contestedLookup } from '@parley/app/views/contested.ts';
import { historyView } from '@parley/app/views/history.ts';
import { positionsView } from '@parley/app/views/positions.ts';
import { timelineView } from '@parley/app/views/timeline.ts';
import { renderClaims } from './claims.ts';
import { contestedText } from './contested.ts';
import { renderHistory } from './history.ts';
import { renderPositions } from './positions.ts';
import { renderTimeline } from './timeline.ts';

async function withInferredClaim() {
  const c = await minimalCase();
  return {
    ...c,
    claims: c.claims.map((cl) =>
      cl.id === 'south-says-not-offered'
        ? { ...cl, basis: 'inferred' as const, reasoning: 'Southland never mentions the League.' }
        : cl,
    ),
  };
}

describe('inferred claims in the terminal', () => {
  it('the claims list marks the claim and gives the reasoning; a stated claim has no mark', async () => {
    const text = renderClaims(claimsView(await withInferredClaim()));
    expect(text.split('\n').slice(0, 5)).toEqual([
      '⚑ CONTESTED league-guarantee-offered: The League offered to guarantee the accord.',
      '  supports:',
      '    envoy (2030-03): The envoy says the League put a guarantee on the table. [report-b]',
      '  disputes:',
      '    (inferred by the analyst) south (2030-02-02): Southland says no guarantee was ever offered. — "nobody offered us anything" [report-a]',
    ]);
    expect(text.split('\n')[5]).toBe("      analyst's reasoning: Southland never mentions the League.");
  });

  it('the who-says-what grid brackets an inferred stance and says what the brackets mean', async () => {
    const c = await withInferredClaim();
    const withTopic = { ...c, propositions: c.propositions.map((p) => ({ ...p, topic: 'offers' })) };
    const lines = renderClaims(claimsView(withTopic, { topic: 'offers' })).split('\n');
    expect(lines[0]).toBe('Who says what on "offers" (+ supports, − disputes, ± both)');
    expect(lines.find((l) => l.startsWith(' south'))).toMatch(/^ south +\(−\) +\+ +\+$/);
    expect(lines.find((l) => l.startsWith(' envoy'))).toMatch(/^ envoy +\+ +\+$/);
    expect(lines).toContain('  (+) (−) a stance inferred by the analyst, not stated by the claimant');
  });

  it('a contested mark counts the inferred claims behind it', async () => {
    const notes = contestedLookup(await withInferredClaim())(['league-guarantee-offered']);
    expect(contestedText(notes)).toBe(
      '⚑ contested (league-guarantee-offered; 1 of 2 claims inferred by the analyst)',
    );
    const stated = contestedLookup(await minimalCase())(['league-guarantee-offered']);
    expect(contestedText(stated)).toBe('⚑ contested (league-guarantee-offered)');
  });
});

describe('the timeline in the terminal', () => {
  it('prints each entry with its description (a round’s outcome) and sources', async () => {
    expect(renderTimeline(timelineView(await minimalCase()))).toBe(
      [
        '2030-02-01  round · in-person  round-1',
        '    First round',
        '      Agenda agreed.',
        '      sources: report-a',
        '',
        '2030-02-05?  event · humanitarian  drought',
        '    Drought declared upstream',
        '      sources: report-b',
        '',
        '2030-02-10/2030-02-12  round · video  round-2',
        '    Video round',
        '      Flow figures exchanged.',
        '      sources: report-b',
      ].join('\n'),
    );
  });

  it('wraps a long description within 80 columns', async () => {
    const c = await minimalCase();
    const long = 'The drought was declared after three failed monsoons and a month of rationing. '.repeat(3);
    const text = renderTimeline(
      timelineView({ ...c, events: c.events.map((e) => ({ ...e, description: long })) }),
    );
    const lines = text.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    // The description alone takes several lines, each indented under the title.
    expect(lines.filter((l) => l.startsWith('      ') && !l.includes('sources:')).length).toBeGreaterThan(2);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain(long.trim());
  });
});

describe('a range in the positions and history tables', () => {
  /** The minimal case with North's first flow figure a range (South holds 50–70 m3/s). */
  async function northHolds(range: { min: number; max: number }, value?: number) {
    const c = await minimalCase();
    return {
      ...c,
      positions: c.positions.map((p) => (p.id === 'north-flow-1' ? { ...p, range, value } : p)),
    };
  }
  const rows = (text: string, issue: string) =>
    text
      .split('\n')
      .filter((l) => l.startsWith(` ${issue} `))
      .map((l) => l.trim().split(/ {2,}/));

  it('prints ranges with the unit, and the gap row names the nearest ends the gap uses', async () => {
    const c = await northHolds({ min: 20, max: 35 });
    expect(rows(renderPositions(positionsView(c, { at: '2030-02-01' })), 'min-flow')).toEqual([
      ['min-flow', 'north', '20–35 m3/s', '2030-02-01', 'proposed, high', '[report-a]'],
      ['min-flow', 'south', '50–70 m3/s', '2030-02-01', 'proposed, medium', '[report-a]'],
      ['min-flow', 'gap', '15 m3/s', 'north 35 vs south 50'],
    ]);
    expect(rows(renderHistory(historyView(c, { issue: 'min-flow' })), '2030-02-01')).toEqual([
      ['2030-02-01', 'north', '20–35 m3/s', '2030-02-01', 'proposed, high', '[report-a]'],
      ['2030-02-01', 'south', '50–70 m3/s', '2030-02-01', 'proposed, medium', '[report-a]'],
      ['2030-02-01', 'gap', '15 m3/s', 'north 35 vs south 50'],
    ]);
  });

  it('a range with a preferred value prints both; overlapping ranges print what they share', async () => {
    const c = await northHolds({ min: 45, max: 60 }, 55);
    expect(rows(renderPositions(positionsView(c, { at: '2030-02-01' })), 'min-flow')).toEqual([
      ['min-flow', 'north', '45–60 m3/s (55)', '2030-02-01', 'proposed, high', '[report-a]'],
      ['min-flow', 'south', '50–70 m3/s', '2030-02-01', 'proposed, medium', '[report-a]'],
      ['min-flow', 'gap', '0 m3/s', 'ranges overlap on 50–60 m3/s'],
    ]);
  });
});
