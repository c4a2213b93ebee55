// Every use case on one case built in memory (river-case.test-support.ts): no folder, no file, no
// process — as a server or the web workbench will call them. The figures are worked out by hand
// from the records; the comments say how.
import { describe, expect, it } from 'vitest';
import { cellLines } from '@parley/core/guarantees/compare.ts';
import { briefOf } from './brief.ts';
import { adjustedWinner } from './deals/adjusted-winner.ts';
import { modelAssumptions } from './deals/assumptions.ts';
import { dealsOnDay } from './deals/day.ts';
import { geniusExport } from './deals/export-genius.ts';
import { geniusFromFiles } from './deals/genius.ts';
import { assumptionSensitivity } from './deals/sensitivity.ts';
import { dealWindow } from './deals/window.ts';
import { bracketsReport } from './drafts/brackets.ts';
import { exportDraft } from './drafts/export.ts';
import { caseRedline, redlineJson } from './drafts/redline.ts';
import { compareGuarantees } from './guarantees/comparison.ts';
import { guaranteeContextFor } from './guarantees/context.ts';
import { cellDetail } from './guarantees/detail.ts';
import { comparisonInput } from './guarantees/input.ts';
import { guaranteesReport } from './guarantees/report.ts';
import { riverCase } from './river-case.test-support.ts';
import { validSummary } from './validate-summary.ts';
import { checkCase } from './validate/check-case.ts';
import { validateCase } from './validate/validate-case.ts';
import { showView, type ViewJsonByName } from './views/registry.ts';
import { showInputSchema } from './views/show-input.ts';

const river = riverCase();
const show = <K extends keyof ViewJsonByName>(view: K, fields: Record<string, unknown> = {}) =>
  showView(river, showInputSchema.parse({ view, ...fields })) as ViewJsonByName[K];

describe('a case built in memory', () => {
  it('validates with no diagnostic, and the summary counts its records', () => {
    expect(validateCase(river)).toEqual([]);
    expect(validSummary(river)).toBe(
      'valid — 4 actors, 2 rounds, 2 events, 3 issues, 6 positions, 3 claims, 2 sources, 2 draft versions',
    );
  });

  it('passes the record schemas too when it arrives as JSON, and comes back unchanged', () => {
    const checked = checkCase(JSON.parse(JSON.stringify(river)));
    expect(checked.diagnostics).toEqual([]);
    expect(checked.caseData).toEqual(river);
  });

  it('a broken reference in it is reported at its record path', () => {
    const broken = riverCase();
    broken.positions[0]!.party = 'atlantis';
    expect(validateCase(broken).map((d) => [d.path, d.message])).toEqual([
      ['positions[0].party', 'unknown actor "atlantis"'],
    ]);
  });
});

describe('every show view', () => {
  it('overview: parties, mediator, guarantor, the contested point and the flow gap at asOf', () => {
    const overview = show('overview');
    expect(overview).toMatchObject({
      case: 'river-accord',
      asOf: '2030-03-01',
      parties: ['north', 'south'],
      mediators: ['envoy'],
      prospectiveGuarantors: ['league'],
      firstDate: '2030-02-01',
      lastDate: '2030-04-01',
      latestDraft: { document: 'accord', version: 'v2', date: '2030-02-12', status: 'working-draft' },
      contestedPropositions: ['league-guarantee-offered'],
      // On 1 March Northland offers 40 (12 February) and Southland asks at least 50.
      gaps: [{ issue: 'min-flow', value: 10, unit: 'm3/s' }],
    });
  });

  it('timeline: rounds and events in date order', () => {
    expect(show('timeline').entries.map((e) => [e.date, e.kind, e.id])).toEqual([
      ['2030-02-01', 'round', 'round-1'],
      ['2030-02-05', 'event', 'drought'],
      ['2030-02-10/2030-02-12', 'round', 'round-2'],
      ['2030-04-01', 'event', 'flood'],
    ]);
  });

  it('actors and roles: each actor with the roles it holds', () => {
    expect(show('actors').actors.map((a) => [a.id, a.roles])).toEqual([
      ['north', ['party']],
      ['south', ['party']],
      ['envoy', ['mediator']],
      ['league', ['prospective-guarantor']],
    ]);
    // The envoy mediates from 15 January to May; on 1 June only the undated roles are held.
    expect(show('roles', { at: '2030-06-01' }).roles.map((r) => r.id)).toEqual([
      'north-party',
      'south-party',
      'league-guarantor',
    ]);
    // The League's role rests on the contested point: the envoy says it offered, Southland denies it.
    const guarantor = show('roles').roles.find((r) => r.id === 'league-guarantor');
    expect(
      guarantor?.contested.map((n) => [n.proposition, n.claims.map((c) => [c.claimant, c.stance])]),
    ).toEqual([
      [
        'league-guarantee-offered',
        [
          ['envoy', 'supports'],
          ['south', 'disputes'],
        ],
      ],
    ]);
  });

  it('rounds and issues: as recorded', () => {
    expect(show('rounds').rounds.map((r) => [r.id, r.format, r.documents])).toEqual([
      ['round-1', 'in-person', ['accord@v1']],
      ['round-2', 'video', []],
    ]);
    expect(show('issues').issues.map((i) => [i.id, i.kind])).toEqual([
      ['min-flow', 'number'],
      ['monitor', 'choice'],
      ['dam-moratorium', 'boolean'],
    ]);
  });

  it("positions: each party's latest position at a date, and the gap between the flow figures", () => {
    const flowAt = (at?: string) =>
      show('positions', at ? { at } : {}).issues.find((i) => i.issue === 'min-flow');
    const now = flowAt();
    expect(now?.positions.map((p) => [p.party, p.id])).toEqual([
      ['north', 'north-flow-2'],
      ['south', 'south-flow-1'],
    ]);
    expect(now?.gap).toEqual({
      value: 10,
      unit: 'm3/s',
      low: { party: 'north', value: 40 },
      high: { party: 'south', value: 50 },
    });
    expect(flowAt('2030-02-05')?.gap?.value).toBe(20);
  });

  it('history: the flow gap narrows from 20 to 10', () => {
    expect(show('history', { issue: 'min-flow' }).steps.map((s) => [s.date, s.gap?.value])).toEqual([
      ['2030-02-01', 20],
      ['2030-02-12', 10],
    ]);
  });

  it('drafts: the document and its two versions', () => {
    const [accord] = show('drafts').documents;
    expect([accord?.id, accord?.versions.map((v) => [v.id, v.author, v.reconstruction])]).toEqual([
      'accord',
      [
        ['v1', 'north', false],
        ['v2', 'joint', true],
      ],
    ]);
  });

  it('claims: who says what, and only the contested point when asked', () => {
    expect(show('claims').matrix).toEqual({
      envoy: { 'league-guarantee-offered': 'supports' },
      south: { 'league-guarantee-offered': 'disputes', 'drought-staged': 'supports' },
    });
    const contested = show('claims', { contestedOnly: true }).propositions;
    expect(contested.map((p) => [p.id, p.supporting.map((c) => c.id), p.disputing.map((c) => c.id)])).toEqual(
      [['league-guarantee-offered', ['envoy-says-offered'], ['south-says-not-offered']]],
    );
  });

  it('sources: how many records cite each', () => {
    // report-a: 2 actors, 2 roles, round-1, 2 claims, 2 issues, 5 positions, draft v1.
    // report-b: 2 actors, 2 roles, round-2, 2 events, 1 claim, 1 issue, 1 position, draft v2.
    expect(show('sources').sources.map((s) => [s.id, s.citedBy])).toEqual([
      ['report-a', 15],
      ['report-b', 11],
    ]);
  });
});

describe('drafts', () => {
  it('redline: the flow figure settles at 40 and Northland drops its monitor', () => {
    const json = redlineJson(caseRedline(river, { from: 'accord@v1', to: 'v2' }));
    expect([json.a.label, json.b.label]).toEqual(['accord@v1', 'accord@v2']);
    // Removed: 30, 50, "A joint commission"; added: 40.
    expect(json.summary).toMatchObject({
      wordsAdded: 1,
      wordsRemoved: 5,
      units: { unchanged: 1, modified: 3, inserted: 0, deleted: 0 },
      brackets: {
        north: { before: 2, after: 0, opened: 0, closed: 2 },
        south: { before: 2, after: 1, opened: 1, closed: 2 },
      },
    });
    expect(json.summary.statusChanges.map((s) => [s.unit, s.after])).toEqual([
      ['art-1', 'agreed'],
      ['art-1.p1', 'agreed'],
    ]);
  });

  it('brackets: two square brackets and one choice, then one; each alternative counts for its party', () => {
    const { json, title } = bracketsReport(river, { document: 'accord' });
    expect(title).toBe('River Accord');
    expect(json.trend).toBe('converging');
    // Words: headings count ("Article 1 Flow" is 3), party labels do not.
    expect(
      json.entries.map((e) => [
        e.version,
        e.brackets,
        e.byParty,
        e.wordsInBrackets,
        e.words,
        e.provisions.agreed,
      ]),
    ).toEqual([
      ['v1', 3, { north: 2, south: 2 }, 7, 26, 0],
      ['v2', 1, { south: 1 }, 2, 22, 2],
    ]);
  });

  it('export akn: the redline from v1 names the parties and issues and the agreed article', () => {
    const akn = exportDraft(river, { format: 'akn', ref: 'accord@v2', against: 'v1' });
    expect([akn.label, akn.againstLabel]).toEqual(['accord@v2', 'accord@v1']);
    expect(akn.text).toContain('<FRBRthis value="/akn/un/bill/2030-02-01/accord/eng@v2-redline-v1/!main"/>');
    // The organisations named are those the text names: the author (joint) and whoever holds a
    // bracket in either version (Northland, Southland) — not the League, which holds none.
    expect(
      [...akn.text.matchAll(/<TLCOrganization eId="([^"]+)"[^>]*showAs="([^"]+)"/g)].map((m) => [m[1], m[2]]),
    ).toEqual([
      ['parley', 'Parley'],
      ['joint', 'joint'],
      ['north', 'Northland'],
      ['south', 'Southland'],
    ]);
    expect([...akn.text.matchAll(/<TLCConcept eId="issue-([^"]+)"/g)].map((m) => m[1])).toEqual([
      'min-flow',
      'monitor',
      'dam-moratorium',
    ]);
    expect(akn.text).toContain('<article eId="art_1" refersTo="#status-agreed #issue-min-flow">');
  });

  it('export md: the version as Markdown, marked a reconstruction', () => {
    expect(exportDraft(river, { format: 'md', ref: 'accord@v2' }).text).toBe(
      [
        '# River Accord',
        '',
        '> Reconstruction: this text is rebuilt from reports of the draft, not the original.',
        '',
        '## Article 1 Flow',
        '',
        '1\\. The minimum flow shall be 40 cubic metres per second. *(agreed)*',
        '',
        '## Article 2 Monitoring',
        '',
        '1\\. [south: The League] shall monitor the flow.',
        '',
      ].join('\n'),
    );
  });

  it('export html: the redline page with its summary', () => {
    const html = exportDraft(river, { format: 'html', ref: 'accord@v2', against: 'v1' }).text;
    expect(html).toContain('<title>Redline: accord@v1 → accord@v2</title>');
    expect(html).toContain('<p><ins>1 words added</ins>, <del>5 removed</del>;');
    expect(html).toContain('<li>Article 1: unmarked → agreed</li>');
  });
});

describe('guarantees', () => {
  const context = guaranteeContextFor(river, []);
  const comparison = compareGuarantees(river, context, comparisonInput.parse({ runs: 200, seed: 1 }));

  it('comparison: Northland and a third state, on the core and the delta; only diplomacy against Northland', () => {
    // Columns: the attacker a willingness entry names, a third state; the core and the excluded delta.
    expect(comparison.columns).toEqual([
      { attacker: 'north', trigger: 'armed-attack' },
      { attacker: 'north', place: 'delta', trigger: 'armed-attack' },
      { attacker: 'third-state', trigger: 'armed-attack' },
      { attacker: 'third-state', place: 'delta', trigger: 'armed-attack' },
    ]);
    // The League is certain to give diplomatic support against Northland and nothing owed against others.
    expect(comparison.rows.map((r) => r.cells.map((c) => c && cellLines(context, c)))).toEqual([
      [
        ['1 obliged, no veto', 'any help 100%, sanctions 0%'],
        ['excluded:', 'nothing'],
        ['1 obliged, no veto', 'any help 0%, sanctions 0%'],
        ['excluded:', 'nothing'],
      ],
    ]);
  });

  it('detail: one cell in words', () => {
    const detail = cellDetail(context, comparison.results[0]!);
    expect(detail).toMatchObject({
      title: 'League guarantee of Southland',
      attacker: 'Northland',
      where: "Southland's core territory",
      status: 'covered',
      guaranteedState: 'Southland',
      obligedGuarantors: ['League of Rivers'],
      obligation: 'obliged by the text alone',
      canBlock: [],
    });
    expect(detail.levels.filter((l) => l.possible).map((l) => [l.level, l.probability])).toEqual([
      ['diplomatic support', 1],
      ['sanctions', 0],
    ]);
    expect(detail.explanation[0]).toBe(
      "The attack is on Southland's core territory, which the guarantee covers (it excludes the delta). [league-guarantee Art. 2]",
    );
    expect(detail.assumptions.map((a) => [a.guarantor, a.entry])).toEqual([['league', 'league-for-south']]);
    expect(cellDetail(context, comparison.results[1]!).status).toBe('out-of-scope');
  });

  it('report: the documented JSON of the comparison', () => {
    const report = guaranteesReport('river', comparison);
    expect([report.case, report.runs, report.seed, report.confidence]).toEqual(['river', 200, 1, 0.95]);
    expect(report.columns.map((c) => [c.attacker, c.place])).toEqual([
      ['north', null],
      ['north', 'delta'],
      ['third-state', null],
      ['third-state', 'delta'],
    ]);
    expect(report.instruments).toEqual([
      {
        id: 'league-guarantee',
        title: 'League guarantee of Southland',
        origin: 'case',
        guaranteedState: 'south',
        guarantors: ['league'],
        decisionRule: 'individual',
        obligation: 'must-act',
        assistance: ['diplomatic', 'sanctions'],
        excludes: ['delta'],
      },
    ]);
    expect(report.results.map((r) => [r.status, r.anyHelp.probability, r.obligedGuarantors])).toEqual([
      ['covered', 1, ['league']],
      ['out-of-scope', 0, []],
      ['covered', 0, ['league']],
      ['out-of-scope', 0, []],
    ]);
  });
});

describe('deals', () => {
  // The figures are those of river-accord.test-support.ts: packages (Northland, Southland) give
  // League+yes (0, 1), League+no (0.5, 0.25), joint+yes (0.5, 0.75), joint+no (1, 0).
  it("day: on asOf only joint+yes beats no deal (0.4, 0.5) for both, with Northland's margin 0.1 binding", () => {
    const report = dealsOnDay(river, {}, 'river');
    expect([report.at, report.outcomes, report.pareto]).toEqual([
      '2030-03-01',
      4,
      { parties: ['north', 'south'], size: 3 },
    ]);
    const agreement = report.agreement.withGuarantors;
    expect([agreement.open, agreement.binding, agreement.package]).toEqual([
      true,
      ['north'],
      { monitor: 'joint', 'dam-moratorium': 'yes' },
    ]);
    expect(agreement.margin).toBeCloseTo(0.1, 12);
  });

  it('window: open from the drought to the flood, and for good when Southland is patient', () => {
    expect(dealWindow(river, {}, 'river').open).toEqual([{ from: '2030-02-05', until: '2030-04-01' }]);
    expect(dealWindow(river, { scenario: 'patient-south' }, 'river').open).toEqual([
      { from: '2030-02-05', until: null },
    ]);
  });

  it("sensitivity: the window reopens after the flood once Southland's reservation falls to 0.75", () => {
    const result = assumptionSensitivity(
      river,
      { assumption: 'south.reservation.flood', at: '2030-04-01' },
      'river',
    );
    expect([result.value, result.open, result.flipsTo, result.nearest?.threshold]).toEqual([
      0.8,
      false,
      'open',
      0.75,
    ]);
    expect(result.margin).toBeCloseTo(-0.05, 12);
  });

  it('assumptions: every number of the model, by path', () => {
    const list = modelAssumptions(river, 'river');
    // Each stakeholder: 2 weights, 4 scores and its reservation points (1 for Northland, 2 for Southland).
    expect(list).toHaveLength(15);
    expect(list.filter((a) => a.path.endsWith('.weight')).map((a) => [a.path, a.value])).toEqual([
      ['north.monitor.weight', 1],
      ['north.dam-moratorium.weight', 1],
      ['south.monitor.weight', 1],
      ['south.dam-moratorium.weight', 3],
    ]);
  });

  it('adjusted-winner: each party gets its issue and the moratorium is split at 20% toward Northland', () => {
    const report = adjustedWinner(river, {}, 'river');
    // Points: monitor 50/25, moratorium 50/75; Northland wins monitor (50), Southland the
    // moratorium (75); equal at 50 + 50s = 75(1 − s), s = 0.2, so both have 60.
    expect([report.parties, report.pointsA, report.pointsB, report.split]).toEqual([
      ['north', 'south'],
      60,
      60,
      'dam-moratorium',
    ]);
  });

  it('export-genius: the day as GENIUS XML, read back to the same Nash package', () => {
    const files = geniusExport(river, {}, 'river');
    expect(files.map((f) => f.name)).toEqual([
      'river-accord-domain.xml',
      'river-accord-north.xml',
      'river-accord-south.xml',
    ]);
    const back = geniusFromFiles(
      files.map((f) => ({ file: f.name, text: f.xml })),
      { normalizeWeights: false },
    );
    expect([back.outcomes, back.nash.outcome, back.nash.utilities]).toEqual([
      4,
      { monitor: 'joint', 'dam-moratorium': 'yes' },
      [0.5, 0.75],
    ]);
  });
});

describe('brief', () => {
  it("gives each engine's answer for the case", () => {
    const brief = briefOf(river);
    expect(brief.overview.case).toBe('river-accord');
    expect(brief.drafts).toEqual([
      {
        document: 'accord',
        brackets: [
          { version: 'v1', brackets: 3 },
          { version: 'v2', brackets: 1 },
        ],
        trend: 'converging',
        latest: { from: 'v1', to: 'v2', wordsAdded: 1, wordsRemoved: 5, statusChanges: 2 },
      },
    ]);
    // Only the other party attacks in the brief: Northland.
    expect(brief.guarantees).toEqual([
      {
        instrument: 'league-guarantee',
        attacker: 'north',
        obligation: 'unconditional',
        obligedGuarantors: 1,
        canBlock: [],
        anyHelp: 1,
        summary: '1 obliged, no veto; any help 100%, sanctions 0%',
      },
    ]);
    expect(brief.deals).toEqual([
      {
        scenario: null,
        title: 'Baseline',
        sources: [],
        open: [{ from: '2030-02-05', until: '2030-04-01' }],
        openForPartiesOnly: [{ from: '2030-02-05', until: '2030-04-01' }],
      },
      {
        scenario: 'patient-south',
        title: 'Southland waits out the flood',
        sources: [],
        open: [{ from: '2030-02-05', until: null }],
        openForPartiesOnly: [{ from: '2030-02-05', until: null }],
      },
    ]);
  });
});
