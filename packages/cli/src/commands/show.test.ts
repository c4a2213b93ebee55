import { describe, expect, it } from 'vitest';
import { runCli } from '../test-cli.ts';

const fixture = 'packages/case-files/fixtures/minimal';

async function json(args: string[]): Promise<any> {
  const r = await runCli(['show', fixture, ...args, '--json']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}

describe('show positions --at', () => {
  it('gives each party its latest position known by the date, and the numeric gap', async () => {
    const data = await json(['positions', '--at', '2030-02-01']);
    expect(data.at).toBe('2030-02-01');
    expect(data.parties).toEqual(['north', 'south']);
    const flow = data.issues.find((i: any) => i.issue === 'min-flow');
    expect(flow.positions.map((p: any) => [p.party, p.id])).toEqual([
      ['north', 'north-flow-1'],
      ['south', 'south-flow-1'],
    ]);
    expect(flow.gap).toEqual({
      value: 20,
      unit: 'm3/s',
      low: { party: 'north', value: 30 },
      high: { party: 'south', value: 50 },
    });
  });

  it('ignores a position whose date range has not certainly passed', async () => {
    // north-flow-2 is dated 2030-02-10/2030-02-12: not known on the 11th, known on the 12th.
    const before = await json(['positions', '--at', '2030-02-11']);
    expect(before.issues[0].positions[0].id).toBe('north-flow-1');
    const after = await json(['positions', '--at', '2030-02-12']);
    expect(after.issues[0].positions[0]).toEqual({
      party: 'north',
      id: 'north-flow-2',
      date: '2030-02-10/2030-02-12',
      value: 40,
      status: 'proposed',
      confidence: 'low',
      document: 'accord@v1',
      sources: ['report-b'],
      contested: [
        {
          proposition: 'flow-figure',
          statement: 'The minimum flow North offered in round 2.',
          values: [40, 45],
          claims: [
            { id: 'flow-per-times', claimant: 'envoy', stance: 'supports', value: 40, sources: ['report-b'] },
            {
              id: 'flow-per-briefing',
              claimant: 'south',
              stance: 'supports',
              value: 45,
              sources: ['report-a'],
            },
          ],
        },
      ],
    });
    expect(after.issues[0].gap.value).toBe(10);
  });

  it('counts a month-precise position only once the month is over', async () => {
    const mid = await json(['positions', '--at', '2030-03-15']);
    expect(mid.issues[0].positions[0].id).toBe('north-flow-2');
    const end = await json(['positions', '--at', '2030-03']);
    expect(end.issues[0].positions[0].id).toBe('north-flow-3');
    // 48 falls inside south's 50–70 range? No: 48 < 50, so the gap is 2.
    expect(end.issues[0].gap.value).toBe(2);
  });

  it("defaults to the case's asOf date and omits issues nobody has a position on yet", async () => {
    const data = await json(['positions']);
    expect(data.at).toBe('2030-03-01');
    expect(data.issues.map((i: any) => i.issue)).toEqual([
      'min-flow',
      'monitor',
      'guarantors',
      'dam-moratorium',
    ]);
    const early = await json(['positions', '--at', '2030-01']);
    expect(early.issues).toEqual([]);
  });

  it('renders a table with the gap row and the contested mark', async () => {
    const r = await runCli(['show', fixture, 'positions', '--at', '2030-02-12']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Positions as of 2030-02-12 (latest per party; parties: north, south)');
    expect(
      lines
        .find((l) => l.includes(' gap '))
        ?.replace(/\s+/g, ' ')
        .trim(),
    ).toBe('min-flow gap 10 m3/s north 40 vs south 50');
    expect(r.out).toContain('⚑ contested (flow-figure: 40 vs 45)');
  });
});

describe('show claims', () => {
  it('--contested lists contested propositions with the claims on each side', async () => {
    const data = await json(['claims', '--contested']);
    expect(data.propositions.map((p: any) => p.id)).toEqual(['league-guarantee-offered', 'flow-figure']);
    const offered = data.propositions[0];
    expect(offered.supporting.map((c: any) => c.id)).toEqual(['envoy-says-offered']);
    expect(offered.disputing.map((c: any) => c.id)).toEqual(['south-says-not-offered']);
    const all = await json(['claims']);
    expect(all.propositions.map((p: any) => [p.id, p.contested])).toEqual([
      ['league-guarantee-offered', true],
      ['flow-figure', true],
      ['drought-staged', false],
    ]);
  });

  it('prints both sides in the terminal', async () => {
    const r = await runCli(['show', fixture, 'claims', '--contested']);
    expect(r.out).toContain(
      '⚑ CONTESTED league-guarantee-offered: The League offered to guarantee the accord.',
    );
    expect(r.out).toContain(
      '    south (2030-02-02): Southland says no guarantee was ever offered. — "nobody offered us anything" [report-a]',
    );
  });
});

describe('other views', () => {
  it('timeline interleaves rounds and events in EDTF order, marking uncertainty in the date', async () => {
    const data = await json(['timeline']);
    expect(data.entries.map((e: any) => [e.date, e.id])).toEqual([
      ['2030-02-01', 'round-1'],
      ['2030-02-05?', 'drought'],
      ['2030-02-10/2030-02-12', 'round-2'],
    ]);
  });

  it('roles carry their contested marks', async () => {
    const data = await json(['roles']);
    const guarantor = data.roles.find((r: any) => r.id === 'league-guarantor');
    expect(guarantor.contested.map((c: any) => c.proposition)).toEqual(['league-guarantee-offered']);
  });

  it('overview counts records and lists contested points and gaps', async () => {
    const data = await json(['overview']);
    expect(data.counts).toEqual({
      actors: 4,
      rounds: 2,
      events: 1,
      issues: 4,
      positions: 8,
      sources: 2,
      propositions: 3,
      claims: 5,
      draftVersions: 2,
    });
    expect(data.parties).toEqual(['north', 'south']);
    expect(data.prospectiveGuarantors).toEqual(['league']);
    expect(data.contestedPropositions).toEqual(['league-guarantee-offered', 'flow-figure']);
    expect(data.gaps).toEqual([{ issue: 'min-flow', value: 10, unit: 'm3/s' }]);
    expect(data.latestDraft).toEqual({
      document: 'accord',
      version: 'v2',
      date: '2030-02-12',
      status: 'working-draft',
    });
  });

  it('sources count the records citing them; drafts count words', async () => {
    const sources = await json(['sources']);
    expect(sources.sources.map((s: any) => [s.id, s.citedBy])).toEqual([
      ['report-a', 16],
      ['report-b', 14],
    ]);
    const drafts = await json(['drafts']);
    expect(drafts.documents[0].words).toEqual({ v1: 14, v2: 13 });
  });

  it('--at and --contested are refused on views they do not apply to', async () => {
    const at = await runCli(['show', fixture, 'timeline', '--at', '2030-02']);
    expect(at.code).toBe(2);
    expect(at.err.split('\n')[0]).toBe('parley: --at applies to the positions and roles views only');
    expect((await runCli(['show', fixture, 'positions', '--contested'])).code).toBe(2);
  });
});

describe('show history --issue', () => {
  it('follows one issue over time: the standing after each move, with the gap', async () => {
    const data = await json(['history', '--issue', 'min-flow']);
    expect(data.issue).toBe('min-flow');
    expect(
      data.steps.map((s: any) => [s.date, s.positions.map((p: any) => p.value ?? p.range), s.gap?.value]),
    ).toEqual([
      ['2030-02-01', [30, { min: 50, max: 70 }], 20],
      ['2030-02-10/2030-02-12', [40, { min: 50, max: 70 }], 10],
      ['2030-03', [48, { min: 50, max: 70 }], 2],
    ]);
  });

  it('needs a known --issue, and --issue only with history', async () => {
    const missing = await runCli(['show', fixture, 'history']);
    expect(missing.code).toBe(2);
    expect(missing.err.split('\n')[0]).toBe(
      'parley: the history view needs --issue <id>: one of the ids the issues view lists',
    );
    const unknown = await runCli(['show', fixture, 'history', '--issue', 'max-flow']);
    expect(unknown.code).toBe(2);
    expect(unknown.err.split('\n')[0]).toBe(
      `parley: unknown issue "max-flow"; see 'parley show ${fixture} issues'`,
    );
    const misplaced = await runCli(['show', fixture, 'positions', '--issue', 'min-flow']);
    expect(misplaced.code).toBe(2);
    expect(misplaced.err.split('\n')[0]).toBe('parley: --issue applies to the history view only');
    const topic = await runCli(['show', fixture, 'timeline', '--topic', 'x']);
    expect(topic.err.split('\n')[0]).toBe('parley: --topic applies to the claims view only');
  });
});

describe('show roles --at', () => {
  it('lists only the roles that may have been held on the date', async () => {
    const before = await json(['roles', '--at', '2030-01-10']);
    expect(before.at).toBe('2030-01-10');
    expect(before.roles.map((r: any) => r.id)).toEqual(['north-party', 'south-party', 'league-guarantor']);
    const all = await json(['roles']);
    expect(all.at).toBeUndefined();
    expect(all.roles).toHaveLength(4);
  });
});
