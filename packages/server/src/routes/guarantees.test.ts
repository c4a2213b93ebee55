import { describe, expect, it } from 'vitest';
import type { ScenarioReport } from '@parley/core/guarantees/assess.ts';
import { loadTestCase, testLibrary } from '@parley/case-files/cases.test-support.ts';
import { compareGuarantees } from '@parley/app/guarantees/comparison.ts';
import { guaranteeContextFor } from '@parley/app/guarantees/context.ts';
import { comparisonInput } from '@parley/app/guarantees/input.ts';
import { guaranteesReport } from '@parley/app/guarantees/report.ts';
import { SCRATCH_ORIGIN } from '@parley/app/guarantees/scratch-copy.ts';
import { engines } from '@parley/store/test-databases.test-support.ts';
import { CASE_ID, useAnalysisServer } from './analysis-server.test-support.ts';
import { MAX_SERVER_RUNS } from './guarantees.ts';

const library = await testLibrary();
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));
const guarantees = `/api/cases/${CASE_ID}/guarantees`;

describe('guarantee comparisons over the API', () => {
  const server = useAnalysisServer({ library });
  /** What `parley guarantees <case> --json` prints with these flags, the library read or left out. */
  const expected = (flags: Record<string, unknown>, withLibrary = true) => {
    const { caseData } = server();
    const context = guaranteeContextFor(caseData, withLibrary ? library : []);
    return asJson(
      guaranteesReport(CASE_ID, compareGuarantees(caseData, context, comparisonInput.parse(flags))),
    );
  };

  it('compares the case and library instruments as parley guarantees --json does', async () => {
    const answer = await server().get(`${guarantees}?runs=2000&seed=7`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(expected({ runs: '2000', seed: '7' }));
    const origins = answer.body.instruments.map((i: { origin: string }) => i.origin);
    expect(origins.filter((o: string) => o !== 'case').length).toBe(
      library.flatMap((e) => e.file.instruments ?? []).length,
    );
  });

  it('leaves the library out with library=false, and narrows to one cell', async () => {
    const own = await server().get(`${guarantees}?library=false&runs=500`);
    expect(own.body).toEqual(expected({ runs: '500' }, false));
    expect(new Set(own.body.instruments.map((i: { origin: string }) => i.origin))).toEqual(new Set(['case']));
    const first = own.body.instruments[0].id as string;
    const column = own.body.columns[0] as { attacker: string; place: string | null };
    const place = column.place ?? 'core';
    const cell = await server().get(
      `${guarantees}?instrument=${first}&attacker=${column.attacker}&place=${place}&trigger=armed-attack&runs=500`,
    );
    expect(cell.status).toBe(200);
    expect(cell.body).toEqual(
      expected({ instrument: first, attacker: column.attacker, place, trigger: 'armed-attack', runs: '500' }),
    );
    expect(cell.body.results.length).toBe(1);
  });

  it('refuses an unknown instrument with 404 unknown-id', async () => {
    const answer = await server().get(`${guarantees}?instrument=yalta-1945`);
    expect([answer.status, answer.body.error.code]).toEqual([404, 'unknown-id']);
    expect(answer.body.error.message).toMatch(/^unknown instrument "yalta-1945"; known: /);
  });

  it('names the parameter of a malformed or too large number of runs (400 usage)', async () => {
    const words = await server().get(`${guarantees}?runs=many`);
    expect([words.status, words.body]).toEqual([
      400,
      { error: { code: 'usage', message: 'runs "many" must be a whole number from 1 to 10000000' } },
    ]);
    const many = await server().get(`${guarantees}?runs=${MAX_SERVER_RUNS + 1}`);
    expect([many.status, many.body.error.code]).toEqual([400, 'usage']);
    expect(many.body.error.message).toBe(
      `runs "${MAX_SERVER_RUNS + 1}" is above the server's limit of ${MAX_SERVER_RUNS} per cell (the CLI allows more)`,
    );
  });

  it('lists the triggers in its schema and refuses another (422 naming trigger)', async () => {
    const answer = await server().get(`${guarantees}?trigger=cyber-attack`);
    expect([answer.status, answer.body.error.code, answer.body.error.diagnostics[0].path]).toEqual([
      422,
      'invalid-input',
      'trigger',
    ]);
  });
});

describe.each(engines)('scratch copies of an instrument on $name', (engine) => {
  const server = useAnalysisServer({ library, engine });
  const russian = 'draft-2022-04-15-russia';
  const cell = 'attacker=ru&place=core&runs=2000&seed=1';
  const recorded = async () => (await server().get(`${guarantees}/instruments/${russian}`)).body.instrument;
  const evaluate = (query: string, body: unknown) => server().post(`${guarantees}/evaluate?${query}`, body);

  it('gives the instrument as recorded, and names an unknown one', async () => {
    const embedded = await loadTestCase('embedded');
    const answer = await server().get(`${guarantees}/instruments/${russian}`);
    expect([answer.status, answer.body.origin]).toEqual([200, 'case']);
    expect(answer.body.instrument).toEqual(
      asJson(embedded.guarantees!.instruments.find((i) => i.id === russian)),
    );
    expect(answer.body.places.map((p: { id: string }) => p.id)).toEqual(
      embedded.guarantees!.places!.filter((p) => p.of === 'ua').map((p) => p.id),
    );
    const library = await server().get(`${guarantees}/instruments/nato-article-5`);
    expect([library.status, library.body.origin]).toEqual([200, 'library/instruments/nato-article-5.yaml']);
    const unknown = await server().get(`${guarantees}/instruments/yalta-1945`);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'unknown-id']);
  });

  it('evaluates an unchanged copy exactly as the comparison evaluates the original', async () => {
    const original = await server().get(`${guarantees}?instrument=${russian}&${cell}`);
    const copy = await evaluate(cell, await recorded());
    expect(copy.status).toBe(200);
    expect(copy.body.results).toEqual(
      original.body.results.map((r: object) => ({ ...r, origin: SCRATCH_ORIGIN })),
    );
  });

  it('lets nobody block once the decision rule is a majority instead of unanimity, as the engine says', async () => {
    const unanimity = await evaluate(cell, await recorded());
    const majority = await evaluate(cell, { ...(await recorded()), decisionRule: 'majority' });
    const summary = (answer: { body: { results: ScenarioReport[] } }) =>
      answer.body.results.map((r) => ({
        blockers: r.canBlock.map((b) => `${b.actor}${b.certain ? ' (certain)' : ''}`),
        obliged: r.obligedGuarantors,
        anyHelp: r.anyHelp.probability,
      }));
    expect(summary(unanimity)).toEqual([
      { blockers: ['uk', 'cn', 'ru (certain)', 'us', 'fr'], obliged: [], anyHelp: 0 },
    ]);
    expect(summary(majority)).toEqual([{ blockers: [], obliged: ['uk', 'cn', 'us', 'fr'], anyHelp: 0.416 }]);
    // Nothing was stored: the recorded instrument still needs everyone's agreement.
    const after = await server().get(`${guarantees}?instrument=${russian}&${cell}`);
    expect(after.body.instruments[0].decisionRule).toBe('unanimity-all');
    expect(summary(after)).toEqual(summary(unanimity));
  });

  it("keeps the comparison's columns when the copy drops its exclusions", async () => {
    const query = 'attacker=ru&runs=500';
    const original = await server().get(`${guarantees}?instrument=${russian}&${query}`);
    const copy = await evaluate(query, { ...(await recorded()), excludes: [] });
    expect(copy.body.columns).toEqual(original.body.columns);
    const statuses = (answer: { body: { results: ScenarioReport[] } }) =>
      answer.body.results.map((r) => `${r.scenario.place ?? 'core'}: ${r.status}`);
    expect(statuses(original)).toEqual(['core: covered', 'crimea: out-of-scope']);
    expect(statuses(copy)).toEqual(['core: covered', 'crimea: covered']);
  });

  it('refuses a copy that breaks the rules, at the field at fault (422)', async () => {
    const instrument = await recorded();
    const unsc = await evaluate(cell, { ...instrument, decisionRule: 'unsc' });
    expect([unsc.status, unsc.body.error.diagnostics]).toEqual([
      422,
      [
        {
          code: 'guarantee-rule',
          path: 'council',
          message:
            'required with decisionRule "unsc" or obligation "seek-unsc-action": name the council whose vetoes matter',
        },
      ],
    ]);
    const atlantis = await evaluate(cell, { ...instrument, excludes: ['atlantis'] });
    expect([atlantis.status, atlantis.body.error.message]).toEqual([
      422,
      'the instrument has 1 problem: excludes[0]: unknown place "atlantis"',
    ]);
    const { decisionRule: _rule, ...ruleless } = instrument;
    const missing = await evaluate(cell, {
      ...ruleless,
      consultation: { ...instrument.consultation, days: 0 },
    });
    expect([missing.status, missing.body.error.diagnostics.map((d: { path: string }) => d.path)]).toEqual([
      422,
      ['consultation.days', 'decisionRule'],
    ]);
  });
});
