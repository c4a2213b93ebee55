import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssistanceLevel, TriggerKind } from '@parley/model/schema/guarantee.ts';
import { analyseScenario } from '@parley/core/guarantees/analyse.ts';
import { assessScenario } from '@parley/core/guarantees/assess.ts';
import {
  findInstrument,
  participantsOf,
  resolveWillingness,
  settingFor,
  thirdState,
} from '@parley/core/guarantees/context.ts';
import { evaluateScenario, type WillingDraw } from '@parley/core/guarantees/evaluate.ts';
import { formatStep } from '@parley/core/guarantees/explain.ts';
import { assistanceLevels } from '@parley/core/guarantees/ladder.ts';
import type { Case } from '@parley/model/case.ts';
import { compareGuarantees, comparisonOf, derivedComparison } from '@parley/app/guarantees/comparison.ts';
import { guaranteeContextFor } from '@parley/app/guarantees/context.ts';
import { cellDetail } from '@parley/app/guarantees/detail.ts';
import { comparisonInput, type ComparisonInput } from '@parley/app/guarantees/input.ts';
import { loadTestCase, testLibrary } from '@parley/case-files/cases.test-support.ts';
import { embeddedContext } from '@parley/case-files/guarantee-test-context.ts';
import { runCli } from '@parley/cli/test-cli.ts';

const context = embeddedContext();
const entry = (id: string) => {
  const found = findInstrument(context, id);
  if (!found) throw new Error(`no instrument ${id}`);
  return found;
};
const setting = (id: string) => settingFor(context, entry(id).instrument);
const wordings2022 = [
  'communique-2022-03-29',
  'draft-2022-04-12',
  'draft-2022-04-15-ukraine',
  'draft-2022-04-15-russia',
];
const attackers = ['ru', 'by', thirdState];
const options = { runs: 4000, seed: 7 };

/** Any willingness draw: each participant willing to give any subset of the levels. */
function drawFor(participants: readonly string[]): fc.Arbitrary<WillingDraw> {
  return fc
    .array(fc.subarray([...assistanceLevels]), {
      minLength: participants.length,
      maxLength: participants.length,
    })
    .map((lists) => new Map(participants.map((p, i) => [p, new Set<AssistanceLevel>(lists[i])])));
}

describe('the 15 April Russian wording', () => {
  const s = setting('draft-2022-04-15-russia');

  it('lets Russia block any help against its own attack', () => {
    const a = analyseScenario(s, { attacker: 'ru' });
    expect(a.status).toBe('covered');
    expect(a.decisionPossible).toBe(false);
    expect(a.obligation).toBe('none');
    expect(a.obligedGuarantors).toEqual([]);
    expect(a.levels).toEqual(['consultation']);
    expect(a.canBlock).toEqual([
      { actor: 'uk', stage: 'guarantors', certain: false },
      { actor: 'cn', stage: 'guarantors', certain: false },
      { actor: 'ru', stage: 'guarantors', certain: true },
      { actor: 'us', stage: 'guarantors', certain: false },
      { actor: 'fr', stage: 'guarantors', certain: false },
    ]);
  });

  it('brings no assistance under any willingness, even if Russia were willing', () => {
    fc.assert(
      fc.property(drawFor(participantsOf(s)), (draw) => {
        const outcome = evaluateScenario(s, { attacker: 'ru' }, draw);
        expect(outcome.assistance.map((l) => l.level)).toEqual(['consultation']);
      }),
      { numRuns: 300 },
    );
    const everyoneWilling = new Map(participantsOf(s).map((p) => [p, new Set(assistanceLevels)]));
    const outcome = evaluateScenario(s, { attacker: 'ru' }, everyoneWilling);
    expect(outcome.assistance).toEqual([
      { level: 'consultation', decided: true, providers: ['uk', 'cn', 'us', 'fr'] },
    ]);
  });

  it('gives zero probability to every level of help in the Monte Carlo', () => {
    const report = assessScenario(context, entry('draft-2022-04-15-russia'), { attacker: 'ru' }, options);
    expect(report.assistance.filter((l) => l.level !== 'consultation')).toEqual(
      assistanceLevels
        .filter((l) => l !== 'consultation')
        .map((level) => ({ level, possible: false, probability: 0, interval: [0, 0], expectedProviders: 0 })),
    );
    expect(report.anyHelp).toEqual({ probability: 0, interval: [0, 0] });
  });

  it('explains each step and cites the clause it rests on', () => {
    const report = assessScenario(context, entry('draft-2022-04-15-russia'), { attacker: 'ru' }, options);
    const cite = (label: string) => `[draft-2022-04-15-russia ${label} (security-treaty@2022-04-15)]`;
    expect(report.explanation.map(formatStep)).toEqual([
      `The attack is on Ukraine's core territory, which the guarantee covers (it excludes Crimea and Sevastopol). ${cite('Art. 4 para. 1')}`,
      `The event, an armed attack, is a trigger of the guarantee, once Ukraine asks for help. ${cite('Art. 3 para. 1')}`,
      'Russian Federation is itself a guarantor. A guarantor never acts against itself, so its willingness to help ' +
        'Ukraine against its own attack is 0 by construction (not an assumption). Belarus (proposed by Russian Federation) ' +
        `and Turkey (proposed by Ukraine) are not agreed guarantors and not counted. ${cite('Art. 2 para. 1')}`,
      'United Kingdom, China, United States and France must consult with Ukraine and among themselves, for no more than 3 days. ' +
        `Consultation is not assistance. ${cite('Art. 3 para. 1')}`,
      'Assistance needs a decision agreed by all guarantors. Russian Federation, the attacker, will not agree, so the ' +
        'decision cannot be taken. Besides, each of United Kingdom, China, United States and France could block it. ' +
        cite("Art. 3 para. 2, Russia's wording"),
      'No guarantor is obliged to assist, because the decision the obligation hangs on cannot be taken. ' +
        cite("Art. 3 para. 2, Russia's wording"),
      'No assistance follows under this instrument. Diplomatic support and sanctions are not named, so not owed under it. ' +
        cite("Art. 3 para. 2, Russia's wording"),
    ]);
    expect(report.assumptions.find((a) => a.guarantor === 'ru')).toEqual({
      guarantor: 'ru',
      entry: null,
      origin: null,
      rationale: 'the attacker never helps its own victim (0 by construction)',
    });
  });

  it('against a third state still lets each guarantor block', () => {
    const a = analyseScenario(s, { attacker: thirdState });
    expect(a.obligation).toBe('if-decided');
    expect(a.obligedGuarantors).toEqual(['uk', 'cn', 'ru', 'us', 'fr']);
    expect(a.canBlock.map((b) => [b.actor, b.certain])).toEqual([
      ['uk', false],
      ['cn', false],
      ['ru', false],
      ['us', false],
      ['fr', false],
    ]);
  });
});

describe.each(['communique-2022-03-29', 'draft-2022-04-12', 'draft-2022-04-15-ukraine'])('%s', (id) => {
  const s = setting(id);
  const others = s.instrument.guarantors.filter((g) => g !== 'ru');

  it('obliges every guarantor but Russia against a Russian attack, with no one able to block', () => {
    const a = analyseScenario(s, { attacker: 'ru' });
    expect(a.obligation).toBe('unconditional');
    expect(a.obligedGuarantors).toEqual(others);
    expect(a.canBlock).toEqual([]);
    expect(a.decisionPossible).toBe(true);
  });

  it('makes every willing guarantor give the help it is willing to give', () => {
    const menu = [...s.instrument.assistance];
    fc.assert(
      fc.property(drawFor(participantsOf(s)), (draw) => {
        const outcome = evaluateScenario(s, { attacker: 'ru' }, draw);
        expect(outcome.assistance.map((l) => l.level)).toEqual([
          'consultation',
          ...assistanceLevels.filter((l) => menu.includes(l as never)),
        ]);
        for (const l of outcome.assistance) {
          expect(l.decided).toBe(true);
          expect(l.providers).toEqual(others.filter((g) => draw.get(g)?.has(l.level)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives weapons with the probability that at least one guarantor is willing', () => {
    const report = assessScenario(context, entry(id), { attacker: 'ru' }, options);
    const exact =
      1 -
      others.reduce(
        (q, g) => q * (1 - resolveWillingness(context, s.instrument, g, 'ru')!.levels.weapons),
        1,
      );
    const weapons = report.assistance.find((l) => l.level === 'weapons')!;
    expect(weapons.possible).toBe(true);
    // Within four standard errors: a biased sampler fails, sampling noise does not.
    expect(Math.abs(weapons.probability - exact)).toBeLessThan(
      4 * Math.sqrt((exact * (1 - exact)) / options.runs) + 1e-9,
    );
  });
});

describe('an attack on an excluded area', () => {
  it.each(
    wordings2022.flatMap((id) => attackers.flatMap((a) => ['crimea', 'sevastopol'].map((p) => [id, a, p]))),
  )('%s, attacker %s, %s: nothing at all', (id, attacker, place) => {
    const a = analyseScenario(setting(id!), { attacker: attacker!, place: place! });
    expect(a.status).toBe('out-of-scope');
    expect([a.levels, a.obligedGuarantors, a.consulting, a.canBlock]).toEqual([[], [], [], []]);
    const report = assessScenario(
      context,
      entry(id!),
      { attacker: attacker!, place: place! },
      { runs: 200, seed: 1 },
    );
    expect(report.assistance.every((l) => !l.possible && l.probability === 0)).toBe(true);
  });

  it('Donbas areas are excluded in the communiqué only', () => {
    const status = (id: string) =>
      analyseScenario(setting(id), { attacker: 'ru', place: 'donetsk-luhansk-areas' }).status;
    expect(wordings2022.map(status)).toEqual(['out-of-scope', 'covered', 'covered', 'covered']);
  });
});

describe('the Budapest Memorandum', () => {
  const s = setting('budapest-memorandum-1994');
  const triggers: TriggerKind[] = ['armed-attack', 'nuclear-attack', 'threat-of-attack', 'nuclear-threat'];

  it.each(triggers)('never brings more than a Security Council request (%s)', (trigger) => {
    for (const attacker of [...attackers, 'uk', 'us']) {
      const a = analyseScenario(s, { attacker, trigger });
      expect(a.levels.every((l) => l === 'consultation' || l === 'unsc-request')).toBe(true);
      const report = assessScenario(
        context,
        entry('budapest-memorandum-1994'),
        { attacker, trigger },
        { runs: 200, seed: 1 },
      );
      const beyond = report.assistance.filter(
        (l) => l.level !== 'consultation' && l.level !== 'unsc-request',
      );
      expect(beyond.every((l) => !l.possible && l.probability === 0)).toBe(true);
    }
  });

  it('under nuclear attack by Russia obliges the others to go to the Security Council, where Russia vetoes', () => {
    const a = analyseScenario(s, { attacker: 'ru', trigger: 'nuclear-attack' });
    expect(a.levels).toEqual(['consultation', 'unsc-request']);
    expect(a.obligation).toBe('unconditional');
    expect(a.obligedGuarantors).toEqual(['uk', 'us']);
    expect(a.canBlock).toEqual([
      { actor: 'cn', stage: 'council', certain: false },
      { actor: 'fr', stage: 'council', certain: false },
      { actor: 'ru', stage: 'council', certain: true },
      { actor: 'uk', stage: 'council', certain: false },
      { actor: 'us', stage: 'council', certain: false },
    ]);
  });

  it('for a conventional attack offers consultation only', () => {
    const a = analyseScenario(s, { attacker: 'ru' });
    expect([a.levels, a.obligation, a.obligedGuarantors, a.consulting]).toEqual([
      ['consultation'],
      'none',
      [],
      ['uk', 'us'],
    ]);
  });
});

describe('the reference instruments', () => {
  it('London 1839 survives an attack by a guarantor: the other four stay obliged', () => {
    const a = analyseScenario(setting('treaty-of-london-1839'), { attacker: 'prussia' });
    expect(a.obligedGuarantors).toEqual(['austrian-empire', 'fr', 'uk', 'russian-empire']);
    expect(a.canBlock).toEqual([]);
  });

  it('Cyprus 1960 gives a right to act, not a duty', () => {
    const a = analyseScenario(setting('cyprus-guarantee-1960'), { attacker: 'tr' });
    expect([a.obligation, a.obligedGuarantors, a.levels]).toEqual([
      'voluntary',
      [],
      ['consultation', 'diplomatic', 'armed-force'],
    ]);
  });

  it('NATO Art. 5 obliges all 31 other allies; Crimea is not Poland', () => {
    const s = setting('nato-article-5');
    expect(analyseScenario(s, { attacker: 'ru' }).obligedGuarantors).toHaveLength(31);
    expect(analyseScenario(s, { attacker: 'ru', place: 'crimea' }).status).toBe('not-territory');
  });
});

// Moved from packages/app/src/guarantees/comparison.test.ts and detail.test.ts: the use cases on
// the embedded case as loaded, with the shipped library.
describe('the guarantee use cases on the embedded case', async () => {
  const embedded = await loadTestCase('embedded');
  const library = await testLibrary();
  const embeddedContextWithLibrary = guaranteeContextFor(embedded, library);
  const input = (fields: Partial<ComparisonInput> = {}) =>
    comparisonInput.parse({ runs: 2000, seed: 3, ...fields });
  const cell = (fields: Record<string, string>) => {
    const [report] = compareGuarantees(embedded, embeddedContextWithLibrary, input(fields)).results;
    return cellDetail(embeddedContextWithLibrary, report!);
  };

  it("take the case's own choice of columns from guarantees.yaml", () => {
    expect(embedded.guarantees?.comparison).toEqual({
      attackers: ['ru', 'by', 'third-state'],
      places: ['core', 'crimea'],
    });
    expect(comparisonOf(embedded, embeddedContextWithLibrary)).toEqual(embedded.guarantees?.comparison);
  });

  it('derive the same columns from the records; the library does not add attackers', () => {
    const { comparison: _choice, ...records } = embedded.guarantees!;
    const withoutChoice: Case = { ...embedded, guarantees: records };
    expect(derivedComparison(guaranteeContextFor(withoutChoice, library))).toEqual({
      attackers: ['ru', 'by', 'third-state'],
      places: ['core', 'crimea'],
    });
  });

  it('leave a cell empty where the attacker is the guaranteed state', () => {
    const comparison = compareGuarantees(
      embedded,
      embeddedContextWithLibrary,
      input({ attacker: 'ua', runs: 100 }),
    );
    const cells = Object.fromEntries(
      comparison.rows.map((r) => [r.entry.instrument.id, r.cells[0] === undefined]),
    );
    expect(cells['draft-2022-04-12']).toBe(true);
    expect(cells['nato-article-5']).toBe(false);
  });

  it('name who can block, stage by stage, and a named place', () => {
    const detail = cell({ instrument: 'draft-2022-04-15-russia', attacker: 'ru', place: 'crimea' });
    expect([detail.attacker, detail.where, detail.status]).toEqual([
      'Russian Federation',
      'Crimea',
      'out-of-scope',
    ]);
    const core = cell({ instrument: 'draft-2022-04-15-russia', attacker: 'ru', place: 'core' });
    expect(core.canBlock[0]).toMatchObject({
      stage: "the guarantors' decision",
      blockers: expect.arrayContaining([{ name: 'Russian Federation', certain: true }]),
    });
    expect(core.obligation).toBe('nobody is obliged to assist');
  });
});

// Moved from packages/case-files/src/instrument-library.test.ts.
describe('the embedded case and the library', () => {
  it("prefers the case's willingness to the library's for the same guarantor", () => {
    const budapest = context.instruments.find(
      (e) => e.instrument.id === 'budapest-memorandum-1994',
    )!.instrument;
    const chosen = resolveWillingness(context, budapest, 'uk', 'by');
    expect(chosen?.kind === 'assumed' && [chosen.entry.id, chosen.origin]).toEqual([
      'uk-against-russia',
      'case',
    ]);
    const general = resolveWillingness(context, budapest, 'uk', 'third-state');
    expect(general?.kind === 'assumed' && [general.entry.id, general.origin]).toEqual(['uk-general', 'case']);
  });
});

// Moved from packages/cli/src/commands/guarantees.test.ts.
describe('parley guarantees on the embedded case', () => {
  it('shows what each 2022 wording promises against Russia, Belarus and a third state', async () => {
    const r = await runCli(['guarantees', 'cases/istanbul-2022', '--no-library', '--runs', '1000', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { results: ScenarioJson[] };
    const summary = json.results.map((x) => [
      x.instrument,
      x.scenario.attacker,
      x.scenario.place ?? 'core',
      x.status,
      x.obligation,
      x.obligedGuarantors.length,
      x.canBlock.filter((b) => b.certain).map((b) => b.actor),
    ]);
    const row = (id: string, n: number, m: number): unknown[][] => [
      [id, 'ru', 'core', 'covered', 'unconditional', n, []],
      [id, 'ru', 'crimea', 'out-of-scope', 'none', 0, []],
      [id, 'by', 'core', 'covered', 'unconditional', m, []],
      [id, 'by', 'crimea', 'out-of-scope', 'none', 0, []],
      [id, 'third-state', 'core', 'covered', 'unconditional', m, []],
      [id, 'third-state', 'crimea', 'out-of-scope', 'none', 0, []],
    ];
    expect(summary).toEqual([
      ...row('communique-2022-03-29', 10, 11),
      ...row('draft-2022-04-12', 10, 11),
      ...row('draft-2022-04-15-ukraine', 4, 5),
      ['draft-2022-04-15-russia', 'ru', 'core', 'covered', 'none', 0, ['ru']],
      ['draft-2022-04-15-russia', 'ru', 'crimea', 'out-of-scope', 'none', 0, []],
      ['draft-2022-04-15-russia', 'by', 'core', 'covered', 'if-decided', 5, []],
      ['draft-2022-04-15-russia', 'by', 'crimea', 'out-of-scope', 'none', 0, []],
      ['draft-2022-04-15-russia', 'third-state', 'core', 'covered', 'if-decided', 5, []],
      ['draft-2022-04-15-russia', 'third-state', 'crimea', 'out-of-scope', 'none', 0, []],
    ]);
  });
});

interface ScenarioJson {
  instrument: string;
  scenario: { attacker: string; place: string | null };
  status: string;
  obligation: string;
  obligedGuarantors: string[];
  canBlock: { actor: string; certain: boolean }[];
}
